package eu.enclave.egress.checks.formats;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;

/** Whether the first bytes of a file parse as JSON (up to where the head ends, if it is cut). */
final class JsonShape {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonShape() {
    }

    static boolean looksLikeJson(byte[] head) {
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), head)) {
            int tokens = 0;
            while (parser.nextToken() != null) {
                tokens++;
            }
            return tokens > 0;
        } catch (JacksonException e) {
            // cut short (the head ends, or the file does): still JSON, and its reader will say it is truncated
            return e.getMessage() != null && e.getMessage().contains("end-of-input");
        }
    }

}
