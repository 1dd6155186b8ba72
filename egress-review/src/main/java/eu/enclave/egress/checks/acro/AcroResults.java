package eu.enclave.egress.checks.acro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * ACRO's {@code results.json} as far as the checks use it, versions 0.4.x and 1.x (schema in docs/checks.md):
 * unknown keys are accepted, the keys used are validated, and whatever is malformed is named in {@link #problems()}.
 */
public record AcroResults(String version, List<Output> outputs, List<String> problems) {

    /** One output: its id, ACRO's status, type, regression degrees of freedom, files and the researcher's words. */
    public record Output(String id, String status, String type, Integer dof, List<OutputFile> files,
                         String exception, List<String> comments) {
    }

    /** A file of an output, with the cells ACRO flagged per check (0-based body row and column). */
    public record OutputFile(String name, Map<String, List<int[]>> flaggedCells) {
    }

    public boolean knownVersion() {
        return version != null && (version.startsWith("0.4.") || version.startsWith("1."));
    }

    static AcroResults of(JsonNode root) {
        List<String> problems = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new AcroResults(null, List.of(), List.of("it is not a JSON object"));
        }
        String version = root.path("version").isString() ? root.path("version").stringValue() : null;
        if (version == null) {
            problems.add("no version");
        }
        JsonNode results = root.path("results");
        if (!results.isObject()) {
            problems.add("no results object");
            return new AcroResults(version, List.of(), problems);
        }
        for (Map.Entry<String, JsonNode> entry : results.properties()) {
            JsonNode out = entry.getValue();
            if (!out.isObject()) {
                problems.add("output " + entry.getKey() + " is not an object");
                continue;
            }
            String status = text(out, "status");
            if (status == null || !List.of("pass", "fail", "review").contains(status)) {
                problems.add("output " + entry.getKey() + " has no valid status");
            }
            Integer dof = out.path("properties").path("dof").isNumber() ? out.path("properties").path("dof").asInt()
                    : null;
            List<OutputFile> files = new ArrayList<>();
            for (JsonNode file : out.path("files")) {
                String name = text(file, "name");
                if (name == null) {
                    problems.add("output " + entry.getKey() + " has a file without a name");
                    continue;
                }
                files.add(new OutputFile(name, cells(file.path("sdc").path("cells"))));
            }
            List<String> comments = new ArrayList<>();
            for (JsonNode comment : out.path("comments")) {
                if (comment.isString()) {
                    comments.add(comment.stringValue());
                }
            }
            outputs.add(new Output(entry.getKey(), status, text(out, "type"), dof, List.copyOf(files),
                    text(out, "exception"), List.copyOf(comments)));
        }
        return new AcroResults(version, List.copyOf(outputs), List.copyOf(problems));
    }

    private static Map<String, List<int[]>> cells(JsonNode cells) {
        Map<String, List<int[]>> flagged = new java.util.LinkedHashMap<>();
        if (!cells.isObject()) {
            return flagged;
        }
        for (Map.Entry<String, JsonNode> check : cells.properties()) {
            List<int[]> list = new ArrayList<>();
            for (JsonNode cell : check.getValue()) {
                if (cell.isArray() && cell.size() == 2 && cell.get(0).isInt() && cell.get(1).isInt()) {
                    list.add(new int[] {cell.get(0).asInt(), cell.get(1).asInt()});
                }
            }
            if (!list.isEmpty()) {
                flagged.put(check.getKey(), list);
            }
        }
        return flagged;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
