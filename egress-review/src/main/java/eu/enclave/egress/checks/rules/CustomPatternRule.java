package eu.enclave.egress.checks.rules;

import com.google.re2j.Matcher;
import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.Submission;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.platform.disclosure.FileType;

/**
 * The datasets' own direct identifiers (a study number, a local patient id), as RE2/J patterns in the policy:
 * linear-time matching, so that no pattern can run away on a large file.
 */
public final class CustomPatternRule implements TextCheck {

    public static final String ID = "identifier.custom";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.TEXTUAL, type);
    }

    @Override
    public void inspect(CharSequence text, Location location, FileRun run) {
        for (Submission.NamedPattern pattern : run.submission().patterns()) {
            Matcher matcher = pattern.pattern().matcher(text);
            if (matcher.find()) {
                run.findings().addIdentifier(ID, CheckStatus.FAIL, location, matcher.group(),
                        "Matches the dataset's identifier pattern '" + pattern.name() + "': a direct identifier.",
                        "Correspond au motif d'identifiant '" + pattern.name() + "' du jeu de données : "
                                + "un identifiant direct.");
            }
        }
    }
}
