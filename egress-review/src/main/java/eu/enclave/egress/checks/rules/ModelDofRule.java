package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.egress.checks.engine.TextSignals;
import eu.enclave.platform.disclosure.FileType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Residual degrees of freedom of a model, where the output states them: R's {@code summary(lm)} ("Residual
 * standard error: … on 8 degrees of freedom", "F-statistic: … on 2 and 8 DF"), {@code summary(glm)} ("Residual
 * deviance: … on 8 degrees of freedom"), their French forms, and statsmodels ("Df Residuals: 8"). Below the
 * policy's minimum (10) fails: the model comes too close to the records. ACRO's regressions are judged from their
 * results file.
 */
public final class ModelDofRule implements TextCheck {

    public static final String ID = "model.degrees-of-freedom";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("residual standard error:\\s*\\S+\\s+on\\s+(\\d+)\\s+degrees? of freedom"),
            Pattern.compile("residual deviance:\\s*\\S+\\s+on\\s+(\\d+)\\s+degrees? of freedom"),
            Pattern.compile("f-statistic:\\s*\\S+\\s+on\\s+\\d+\\s+and\\s+(\\d+)\\s+df"),
            Pattern.compile("df residuals:\\s*(\\d+)"),
            Pattern.compile("r[ée]siduel(?:le)?\\s*:\\s*\\S+\\s+sur\\s+(\\d+)\\s+degr[ée]s? de libert[ée]"),
            Pattern.compile("statistique f\\s*:\\s*\\S+\\s+sur\\s+\\d+\\s+et\\s+(\\d+)\\s+ddl"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.PROSE, type);
    }

    @Override
    public boolean wants(TextSignals signals) {
        return signals.letters() && signals.digits() > 0 && signals.length() < 4096;
    }

    @Override
    public void inspect(CharSequence text, Location location, FileRun run) {
        String line = text.toString().toLowerCase(Locale.ROOT);
        if (!line.contains("freedom") && !line.contains(" df") && !line.contains("df residuals")
                && !line.contains("libert") && !line.contains("ddl")) {
            return;
        }
        int minimum = run.policy().minimumDegreesOfFreedom();
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                long dof = Long.parseLong(m.group(1));
                if (dof < minimum) {
                    run.findings().add(ID, CheckStatus.FAIL, location, Long.toString(dof),
                            "The model has " + dof + " residual degrees of freedom, fewer than " + minimum
                                    + ": it comes too close to the individual records.",
                            "Le modèle a " + dof + " degrés de liberté résiduels, moins de " + minimum
                                    + " : il est trop proche des données individuelles.");
                }
                return;
            }
        }
    }
}
