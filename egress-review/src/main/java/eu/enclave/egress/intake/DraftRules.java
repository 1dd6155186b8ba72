package eu.enclave.egress.intake;

import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a draft's fields must be, every field's problems at once (pure: no database, no orchestrator). */
final class DraftRules {

    static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DraftRules() {
    }

    /**
     * @param creating        a new draft (title and one group at least required) rather than an update
     * @param existingGroups  the draft's groups already stored (for an update)
     */
    static List<FieldProblem> problems(DraftInput input, boolean creating, Set<String> existingGroups,
                                       int maxGroups) {
        List<FieldProblem> problems = new ArrayList<>();
        if (creating || input.title() != null) {
            problems.addAll(TextScreen.length("title", input.title(), TextScreen.MAX_TITLE, true));
        }
        problems.addAll(TextScreen.length("purpose", input.purpose(), TextScreen.MAX_TEXT, false));
        if (creating && input.groups().isEmpty()) {
            problems.add(new FieldProblem("groups", "at least one group is required"));
        }
        Set<String> groups = new HashSet<>(existingGroups);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.groups().size(); i++) {
            DraftInput.Group group = input.groups().get(i);
            String field = "groups[" + i + "]";
            if (group == null) {
                problems.add(new FieldProblem(field, "must be an object {name, context, controls}"));
                continue;
            }
            if (group.name() == null || !GROUP_NAME.matcher(group.name()).matches()) {
                problems.add(new FieldProblem(field + ".name", "must be 1 to 64 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit"));
            } else if (!seen.add(group.name())) {
                problems.add(new FieldProblem(field + ".name", "'" + group.name() + "' is given twice"));
            } else {
                groups.add(group.name());
            }
            problems.addAll(TextScreen.length(field + ".context", group.context(), TextScreen.MAX_TEXT, false));
            problems.addAll(TextScreen.length(field + ".controls", group.controls(), TextScreen.MAX_TEXT, false));
        }
        if (groups.size() > maxGroups) {
            problems.add(new FieldProblem("groups", "at most " + maxGroups + " groups"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < input.files().size(); i++) {
            DraftInput.DeclaredFileInput file = input.files().get(i);
            String field = "files[" + i + "]";
            if (file == null) {
                problems.add(new FieldProblem(field, "must be an object {name, group, description, supporting}"));
                continue;
            }
            FileNames.Result name = FileNames.check(file.name());
            if (!name.accepted()) {
                problems.add(new FieldProblem(field + ".name", name.refusal()));
            } else if (!names.add(FileNames.key(name.name()))) {
                problems.add(new FieldProblem(field + ".name", "'" + name.name() + "' is given twice (names that "
                        + "differ only by case are the same name)"));
            }
            if (file.group() == null || !groups.contains(file.group())) {
                problems.add(new FieldProblem(field + ".group", "must be one of the request's groups: "
                        + String.join(", ", groups.stream().sorted().toList())));
            }
            problems.addAll(TextScreen.length(field + ".description", file.description(), TextScreen.MAX_TEXT, false));
        }
        return problems;
    }

    /** The free-text fields, named as the API names them, for the identifier screen. */
    static Map<String, String> texts(DraftInput input) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", input.title());
        texts.put("purpose", input.purpose());
        for (int i = 0; i < input.groups().size(); i++) {
            texts.put("groups[" + i + "].context", input.groups().get(i).context());
            texts.put("groups[" + i + "].controls", input.groups().get(i).controls());
        }
        for (int i = 0; i < input.files().size(); i++) {
            texts.put("files[" + i + "].description", input.files().get(i).description());
        }
        return texts;
    }
}
