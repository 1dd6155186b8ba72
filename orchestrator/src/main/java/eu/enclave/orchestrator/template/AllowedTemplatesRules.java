package eu.enclave.orchestrator.template;

import eu.enclave.platform.web.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a list of template ids an admin wants to allow: each must be in the catalogue, once. */
final class AllowedTemplatesRules {

    static final String FIELD = "templates";
    private static final int SHOWN_CHARS = 63;

    private AllowedTemplatesRules() {
    }

    /** The ids, sorted. */
    static List<String> check(AllowedTemplatesInput input, TemplateCatalogue catalogue) {
        if (input == null || input.templates() == null) {
            throw ApiException.invalid(FIELD, "is required: the list of template ids the project may use ([] for"
                    + " none)");
        }
        Set<String> seen = new HashSet<>();
        for (String id : input.templates()) {
            if (id == null || id.isBlank()) {
                throw ApiException.invalid(FIELD, "must hold template ids, not empty values");
            }
            if (!catalogue.contains(id)) {
                throw ApiException.invalid(FIELD, "unknown template '" + shown(id) + "'; the catalogue has: "
                        + String.join(", ", catalogue.ids()));
            }
            if (!seen.add(id)) {
                throw ApiException.invalid(FIELD, "lists '" + id + "' more than once");
            }
        }
        return input.templates().stream().sorted().toList();
    }

    /** An id as typed, cut short and without control characters, to be quoted back safely. */
    private static String shown(String id) {
        String clean = id.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > SHOWN_CHARS ? clean.substring(0, SHOWN_CHARS) + "…" : clean;
    }
}
