package eu.enclave.egress.checks.acro;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Findings;
import eu.enclave.egress.checks.engine.Submission;
import eu.enclave.egress.checks.engine.SubmissionCheck;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission with ACRO's {@code results.json}: its checksums ({@code checksums/<file>.txt}) are verified (a
 * mismatch fails the file: it is not the one ACRO checked); ACRO's status, the researcher's exception and comments
 * and the cells ACRO flagged are shown on each output beside Enclave's findings, which come from checking the
 * output itself with the project's policy; an output ACRO passed that the policy fails is a disagreement. The
 * researcher's {@code config.json} is recorded (its hash and thresholds), never used.
 */
public final class AcroResultsRule implements SubmissionCheck {

    public static final String ID = "acro.results";
    static final long MAX_BYTES = 64L << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return type == FileType.JSON;
    }

    @Override
    public void check(Submission submission) {
        for (Submission.FileState state : submission.files()) {
            if (state.type() == FileType.JSON && Submission.baseName(state.file().name()).equals("results.json")
                    && state.findings() != null) {
                read(submission, state);
            }
        }
    }

    private void read(Submission submission, Submission.FileState results) {
        Findings own = results.findings();
        JsonNode root;
        try (InputStream in = results.file().content().open()) {
            root = JSON.readTree(in.readNBytes((int) MAX_BYTES));
        } catch (IOException | JacksonException e) {
            own.add(ID, CheckStatus.REVIEW, Location.FILE, null, "ACRO's results file could not be read.",
                    "Le fichier de résultats d'ACRO n'a pas pu être lu.");
            return;
        }
        if (!root.has("results") || !root.has("version")) {
            return; // a JSON file named results.json that is not ACRO's
        }
        AcroResults acro = AcroResults.of(root);
        if (!acro.knownVersion()) {
            own.add(ID, CheckStatus.REVIEW, Location.FILE, acro.version(), "ACRO version " + acro.version()
                    + " is not one the checks know (0.4.x, 1.x); it was read as far as possible.",
                    "La version d'ACRO " + acro.version() + " n'est pas connue des contrôles (0.4.x, 1.x) ; elle a "
                            + "été lue autant que possible.");
        }
        for (String problem : acro.problems()) {
            own.add(ID, CheckStatus.REVIEW, Location.FILE, null, "ACRO's results file is malformed: " + problem + ".",
                    "Le fichier de résultats d'ACRO est mal formé : " + problem + ".");
        }
        config(submission, results);
        for (AcroResults.Output output : acro.outputs()) {
            output(submission, results, output);
        }
    }

    private void output(Submission submission, Submission.FileState results, AcroResults.Output output) {
        // the exception and comments are strings of results.json: its reader already screened them
        Findings own = results.findings();
        int minimumDof = submission.policy().minimumDegreesOfFreedom();
        if (output.dof() != null && output.dof() < minimumDof) {
            own.add(ID, CheckStatus.FAIL, Location.FILE, output.dof().toString(), "ACRO output " + output.id()
                    + " is a model with " + output.dof() + " residual degrees of freedom, fewer than " + minimumDof
                    + ".", "La sortie ACRO " + output.id() + " est un modèle à " + output.dof() + " degrés de liberté "
                    + "résiduels, moins de " + minimumDof + ".");
        }
        for (AcroResults.OutputFile file : output.files()) {
            Optional<Submission.FileState> submitted = submission.byName(file.name());
            if (submitted.isEmpty() || submitted.get().findings() == null) {
                own.add(ID, CheckStatus.REVIEW, Location.FILE, file.name(), "ACRO output " + output.id()
                        + " lists " + file.name() + ", which is not in the submission.", "La sortie ACRO "
                        + output.id() + " cite " + file.name() + ", absent de la demande.");
                continue;
            }
            Submission.FileState state = submitted.get();
            checksum(submission, results, state, file.name());
            beside(state, output, file);
        }
    }

    private static void beside(Submission.FileState state, AcroResults.Output output, AcroResults.OutputFile file) {
        Findings findings = state.findings();
        CheckStatus enclave = findings.worst();
        String exception = output.exception() == null || output.exception().isBlank() ? ""
                : " The researcher asks for an exception.";
        String exceptionFr = exception.isEmpty() ? "" : " Le chercheur demande une exception.";
        CheckStatus shown = "pass".equals(output.status()) ? CheckStatus.PASS : CheckStatus.REVIEW;
        findings.add(ID, shown, Location.FILE, output.status(), "ACRO's status for output " + output.id() + ": "
                + output.status() + "." + exception, "Statut ACRO de la sortie " + output.id() + " : "
                + output.status() + "." + exceptionFr);
        for (Map.Entry<String, List<int[]>> check : file.flaggedCells().entrySet()) {
            for (int[] cell : check.getValue()) {
                findings.add(ID, CheckStatus.REVIEW, new Location(null, null, (long) cell[0] + 1,
                        TableScan.letters(cell[1] + 1), null, null), check.getKey(), "ACRO flagged this cell: "
                        + check.getKey() + ".", "ACRO a signalé cette cellule : " + check.getKey() + ".");
            }
        }
        if ("pass".equals(output.status()) && enclave == CheckStatus.FAIL) {
            findings.add(ID, CheckStatus.FAIL, Location.FILE, "pass",
                    "Disagreement: ACRO passed output " + output.id() + " but it fails the project's policy "
                            + "(ACRO ran with the researcher's own settings).",
                    "Désaccord : ACRO a accepté la sortie " + output.id() + " mais elle échoue à la politique du "
                            + "projet (ACRO a tourné avec les réglages du chercheur).");
        }
    }

    private static void checksum(Submission submission, Submission.FileState results, Submission.FileState output,
                                 String name) {
        Optional<Submission.FileState> sum = submission.byName("checksums/" + Submission.baseName(name) + ".txt");
        if (sum.isEmpty()) {
            results.findings().add(ID, CheckStatus.REVIEW, Location.FILE, name, "No ACRO checksum for " + name
                    + " (checksums/" + Submission.baseName(name) + ".txt): it cannot be tied to ACRO's check.",
                    "Pas d'empreinte ACRO pour " + name + " (checksums/" + Submission.baseName(name) + ".txt) : "
                            + "il ne peut être rattaché au contrôle d'ACRO.");
            return;
        }
        String expected;
        String actual;
        try (InputStream in = sum.get().file().content().open()) {
            expected = new String(in.readNBytes(256), StandardCharsets.US_ASCII).strip().toLowerCase();
            actual = sha256(output);
        } catch (IOException e) {
            results.findings().add(ID, CheckStatus.REVIEW, Location.FILE, name, "The checksum of " + name
                    + " could not be verified.", "L'empreinte de " + name + " n'a pas pu être vérifiée.");
            return;
        }
        if (!expected.equals(actual)) {
            String en = "CHECKSUM MISMATCH: " + name + " is not the file ACRO checked (ACRO recorded "
                    + abbreviate(expected) + ", the file is " + abbreviate(actual) + ").";
            String fr = "EMPREINTE DIFFÉRENTE : " + name + " n'est pas le fichier contrôlé par ACRO (ACRO a noté "
                    + abbreviate(expected) + ", le fichier est " + abbreviate(actual) + ").";
            output.findings().add(ID, CheckStatus.FAIL, Location.FILE, abbreviate(actual), en, fr);
            results.findings().add(ID, CheckStatus.FAIL, Location.FILE, name, en, fr);
        }
    }

    private static void config(Submission submission, Submission.FileState results) {
        Optional<Submission.FileState> config = submission.byName("config.json");
        if (config.isEmpty()) {
            return;
        }
        try (InputStream in = config.get().file().content().open()) {
            byte[] bytes = in.readNBytes(1 << 20);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            JsonNode node = JSON.readTree(bytes);
            int threshold = node.path("safe_threshold").asInt(-1);
            boolean looser = threshold >= 0 && threshold < submission.policy().minimumCount();
            results.findings().add(ID, looser ? CheckStatus.REVIEW : CheckStatus.PASS, Location.FILE,
                    "sha256:" + hash.substring(0, 16), "ACRO's config.json (the researcher's settings) is recorded and "
                            + "not used" + (threshold >= 0 ? "; its threshold is " + threshold + ", the project's "
                            + submission.policy().minimumCount() : "") + ".",
                    "Le config.json d'ACRO (réglages du chercheur) est enregistré et non utilisé"
                            + (threshold >= 0 ? " ; son seuil est " + threshold + ", celui du projet "
                            + submission.policy().minimumCount() : "") + ".");
        } catch (IOException | JacksonException | NoSuchAlgorithmException e) {
            results.findings().add(ID, CheckStatus.REVIEW, Location.FILE, "config.json",
                    "ACRO's config.json could not be read.", "Le config.json d'ACRO n'a pas pu être lu.");
        }
    }

    private static String sha256(Submission.FileState file) throws IOException {
        try (InputStream in = new DigestInputStream(file.file().content().open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }
}
