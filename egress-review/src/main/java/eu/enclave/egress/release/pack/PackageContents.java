package eu.enclave.egress.release.pack;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything one release package holds: the approved outputs (supporting and rejected files are never given) and
 * the JSON documents produced by the workflow; {@code resultsJson} is null when no ACRO results were submitted.
 */
public record PackageContents(ReleaseRequest request, List<ReleasedFile> outputs, byte[] checksJson,
        byte[] decisionsJson, byte[] resultsJson) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PackageContents {
        if (request == null) {
            throw new InvalidPackage("request: required");
        }
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new InvalidPackage("outputs: a package releases at least one approved file");
        }
        Set<String> paths = new HashSet<>();
        for (ReleasedFile file : outputs) {
            // Case-insensitive, as the file systems where packages are unpacked (Windows, macOS) are.
            if (!paths.add(file.path().toLowerCase(Locale.ROOT))) {
                throw new InvalidPackage("outputs: " + file.path() + " appears twice (names are compared ignoring case)");
            }
        }
        checkJson("checks.json", checksJson, true);
        checkJson("decisions.json", decisionsJson, true);
        checkJson("results.json", resultsJson, false);
    }

    private static void checkJson(String name, byte[] content, boolean required) {
        if (content == null) {
            if (required) {
                throw new InvalidPackage(name + ": required");
            }
            return;
        }
        try {
            if (!JSON.readTree(content).isObject()) {
                throw new InvalidPackage(name + ": must be a JSON object");
            }
        } catch (JacksonException e) {
            throw new InvalidPackage(name + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
