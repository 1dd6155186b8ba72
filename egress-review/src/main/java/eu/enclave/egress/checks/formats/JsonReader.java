package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON, token by token with Jackson's streaming parser under its read constraints (nesting depth, string and
 * number lengths): every field name and string value goes to the text rules, located by line.
 */
public final class JsonReader implements FormatReader {

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(run.limits().maxJsonDepth()).maxStringLength(run.limits().maxLineChars())
                .maxNameLength(run.limits().maxLineChars()).maxNumberLength(1000).build()).build();
        try (InputStream in = input.open(); JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
            long tokens = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((++tokens & 1023) == 0) {
                    run.deadline().check();
                }
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
                    String text = token == JsonToken.PROPERTY_NAME ? parser.currentName() : parser.getString();
                    run.text(text, Location.line(parser.currentTokenLocation().getLineNr()));
                } else if (token == JsonToken.VALUE_NUMBER_INT && parser.getText().length() >= 9) {
                    run.text(parser.getText(), Location.line(parser.currentTokenLocation().getLineNr()));
                }
            }
        } catch (JacksonException e) {
            throw new Unreadable("the JSON could not be parsed (" + e.getOriginalMessage() + ")",
                    "le JSON n'a pas pu être analysé (" + e.getOriginalMessage() + ")");
        }
    }
}
