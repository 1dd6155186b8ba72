package eu.enclave.egress.intake;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The free-text fields of a request (title, purpose, a group's context and controls, a description, a comment) are
 * shown outside the workspace, so they are screened like outputs: a text with a verified direct identifier (a
 * finding the checks mark {@code fail}) is refused, naming the field and the rule, never the value. Lengths: 200
 * characters for a title, 4,000 for the others.
 */
public class TextScreen {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4_000;

    private final OutputChecker checker;

    public TextScreen(OutputChecker checker) {
        this.checker = checker;
    }

    /** Every refusal among these fields (field name → text; null texts are skipped), in the map's order. */
    public List<FieldProblem> problems(Map<String, String> fields, DisclosurePolicy policy) {
        List<FieldProblem> problems = new ArrayList<>();
        fields.forEach((field, text) -> {
            if (text != null && !text.isEmpty()) {
                List<String> identifiers = checker.screenText(text, policy).stream()
                        .filter(f -> f.status() == CheckStatus.FAIL).map(TextScreen::describe).distinct().toList();
                if (!identifiers.isEmpty()) {
                    problems.add(new FieldProblem(field, "contains a direct identifier ("
                            + String.join(", ", identifiers) + "); remove it: this text is shown outside the "
                            + "workspace"));
                }
            }
        });
        return problems;
    }

    /** Length problems of a text field; {@code required}: must not be blank. */
    public static List<FieldProblem> length(String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            return required ? List.of(new FieldProblem(field, "is required")) : List.of();
        }
        if (text.codePointCount(0, text.length()) > max) {
            return List.of(new FieldProblem(field, "is longer than " + max + " characters"));
        }
        return List.of();
    }

    private static String describe(Finding finding) {
        return finding.maskedValue() == null ? finding.ruleId() : finding.ruleId() + " " + finding.maskedValue();
    }

    static String joined(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "));
    }
}
