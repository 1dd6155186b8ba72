package eu.enclave.orchestrator.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.guacamole.protocol.GuacamoleClientInformation;

/**
 * The tunnel's connect query, read strictly: the project and workspace names, and the browser's screen size, dpi,
 * supported audio, video and image types and time zone. Any other name is ignored, so that connection parameters
 * cannot be smuggled in: those come from {@link GuacdParameters} only.
 */
public record ConnectRequest(String project, String workspace, GuacamoleClientInformation client) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern MIMETYPE = Pattern.compile("[a-z]+/[-A-Za-z0-9.+]+(;[-A-Za-z0-9=.,]+)*");
    private static final Pattern TIMEZONE = Pattern.compile("[A-Za-z0-9_+\\-/]{1,64}");
    private static final int MAX_TYPES = 16;

    public static ConnectRequest parse(String query) {
        Map<String, List<String>> values = decode(query == null ? "" : query);
        String project = name(values, "project");
        String workspace = name(values, "workspace");
        GuacamoleClientInformation client = new GuacamoleClientInformation();
        client.setOptimalScreenWidth(number(values, "width", 1024, 16, 8192));
        client.setOptimalScreenHeight(number(values, "height", 768, 16, 8192));
        client.setOptimalResolution(number(values, "dpi", 96, 24, 1200));
        client.getAudioMimetypes().addAll(types(values, "audio"));
        client.getVideoMimetypes().addAll(types(values, "video"));
        client.getImageMimetypes().addAll(types(values, "image"));
        String timezone = single(values, "timezone");
        if (timezone != null) {
            if (!TIMEZONE.matcher(timezone).matches()) {
                throw bad("timezone");
            }
            client.setTimezone(timezone);
        }
        return new ConnectRequest(project, workspace, client);
    }

    private static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> values = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String single(Map<String, List<String>> values, String key) {
        List<String> all = values.get(key);
        if (all == null) {
            return null;
        }
        if (all.size() != 1) {
            throw bad(key);
        }
        return all.get(0);
    }

    private static String name(Map<String, List<String>> values, String key) {
        String value = single(values, key);
        if (value == null || !NAME.matcher(value).matches()) {
            throw bad(key);
        }
        return value;
    }

    private static int number(Map<String, List<String>> values, String key, int absent, int min, int max) {
        String value = single(values, key);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw bad(key);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key);
        }
    }

    private static List<String> types(Map<String, List<String>> values, String key) {
        List<String> all = values.getOrDefault(key, List.of());
        if (all.size() > MAX_TYPES || !all.stream().allMatch(t -> MIMETYPE.matcher(t).matches())) {
            throw bad(key);
        }
        return all;
    }

    private static TunnelRefused bad(String field) {
        return new TunnelRefused(Refusal.BAD_REQUEST, "(" + field + ")");
    }
}
