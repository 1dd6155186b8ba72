package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.acro.AcroResultsRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json written from ACRO's published schema (EGRESS.md, docs/checks.md), versions 1.x and 0.4.x. */
class AcroResultsTest {

    /** A crosstab as ACRO writes it with margins: the index column, then categories and "All". */
    private static final String CROSSTAB = "grant_type,G,N,R,All\nyear,,,,\n2010,4,120,52,176\n2011,30,100,60,190\n"
            + "All,34,220,112,366\n";
    private static final String CROSSTAB_CLEAN = "grant_type,G,N,R,All\n2010,14,120,52,186\n2011,30,100,60,190\n"
            + "All,44,220,112,376\n";
    private final Checks checks = Checks.engine();

    static String v1(String status, String exception) {
        return """
                {"version": "1.2.1", "results": {"output_0": {
                  "uid": "output_0", "status": "%s", "type": "table",
                  "properties": {"method": "crosstab", "mitigation": "none", "round_base": null},
                  "files": [{"name": "output_0.csv", "sdc": {
                      "summary": {"suppressed": false, "negative": 0, "missing": 0, "threshold": 1, "p-ratio": 0,
                                  "nk-rule": 0, "all-values-are-same": 0},
                      "cells": {"threshold": [[0, 0]], "p-ratio": [], "nk-rule": []}}}],
                  "outcome": {"G": {"2010": "threshold; ", "2011": "ok"}},
                  "command": "acro.crosstab(df.year, df.grant_type)", "summary": "fail; threshold: 1 cells may need suppressing; ",
                  "timestamp": "2026-11-30T10:00:00", "comments": ["contact: jean.dupont@chu-exemple.fr"],
                  "exception": "%s",
                  "fair": {"statbarn": "table", "risks": [], "check_status": {}, "dependent": null,
                           "independent": ["year", "grant_type"]},
                  "future_key": {"accepted": true}},
                 "output_1": {"uid": "output_1", "status": "pass", "type": "regression",
                  "properties": {"method": "ols", "dof": 6}, "files": [], "outcome": {}, "command": "acro.ols(y, x)",
                  "summary": "pass", "timestamp": "2026-11-30T10:01:00", "comments": [], "exception": null}}}
                """.formatted(status, exception);
    }

    static String v04(String status) {
        return """
                {"version": "0.4.5", "results": {"output_0": {
                  "uid": "output_0", "status": "%s", "type": "table", "properties": {"method": "crosstab"},
                  "files": [{"name": "output_0.csv", "sdc": {"summary": {"suppressed": false, "negative": 0,
                     "missing": 0, "threshold": 0, "p-ratio": 0, "nk-rule": 0}, "cells": {"threshold": [],
                     "p-ratio": [], "nk-rule": []}}}],
                  "outcome": {"G": {"2010": "ok"}}, "command": "acro.crosstab(...)", "summary": "pass",
                  "timestamp": "2024-01-01T00:00:00", "comments": [], "exception": ""}}}
                """.formatted(status);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acroOneXIsReadBesideEnclavesOwnFindings() throws Exception {
        Map<String, FileCheckResult> results = checks.file("acro/results.json", v1("fail", "needed for the paper"))
                .file("acro/output_0.csv", CROSSTAB)
                .file("acro/checksums/output_0.csv.txt", sha256(CROSSTAB))
                .file("acro/config.json", "{\"safe_threshold\": 10, \"safe_nk_n\": 2}").run();
        FileCheckResult output = results.get("acro/output_0.csv");
        assertThat(output.status()).isEqualTo(CheckStatus.FAIL); // Enclave's own small-count finding
        assertThat(Checks.of(output, "table.small-count")).singleElement()
                .satisfies(f -> assertThat(f.maskedValue()).isEqualTo("4"));
        assertThat(Checks.of(output, AcroResultsRule.ID)).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).contains("ACRO's status for output output_0: fail")
                        .contains("exception"))
                .anySatisfy(m -> assertThat(m).contains("ACRO flagged this cell: threshold"))
                .noneSatisfy(m -> assertThat(m).contains("MISMATCH"));
        FileCheckResult json = results.get("acro/results.json");
        assertThat(Checks.of(json, AcroResultsRule.ID)).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).contains("6 residual degrees of freedom"))
                .anySatisfy(m -> assertThat(m).contains("config.json").contains("threshold is 10"));
        assertThat(Checks.of(json, "identifier.email")).hasSize(1); // the researcher's comment was screened
    }

    @Test
    void acroZeroFourIsReadToo() throws Exception {
        Map<String, FileCheckResult> results = checks.file("results.json", v04("pass"))
                .file("output_0.csv", CROSSTAB_CLEAN)
                .file("checksums/output_0.csv.txt", sha256(CROSSTAB_CLEAN)).run();
        assertThat(Checks.of(results.get("output_0.csv"), AcroResultsRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.PASS));
        assertThat(results.get("output_0.csv").status()).isEqualTo(CheckStatus.PASS);
        assertThat(results.get("results.json").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aTamperedChecksumIsAProminentFail() throws Exception {
        String edited = CROSSTAB_CLEAN.replace("120", "121");
        Map<String, FileCheckResult> results = checks.file("results.json", v04("pass"))
                .file("output_0.csv", edited)
                .file("checksums/output_0.csv.txt", sha256(CROSSTAB_CLEAN)).run();
        for (String file : new String[] {"output_0.csv", "results.json"}) {
            assertThat(results.get(file).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(Checks.of(results.get(file), AcroResultsRule.ID)).extracting(Finding::messageEn)
                    .anySatisfy(m -> assertThat(m).startsWith("CHECKSUM MISMATCH"));
        }
    }

    @Test
    void anAcroPassThatThePolicyFailsIsADisagreement() throws Exception {
        Map<String, FileCheckResult> results = checks.file("results.json", v04("pass"))
                .file("output_0.csv", CROSSTAB)
                .file("checksums/output_0.csv.txt", sha256(CROSSTAB)).run();
        assertThat(Checks.of(results.get("output_0.csv"), AcroResultsRule.ID)).extracting(Finding::status,
                Finding::messageEn).anySatisfy(t -> {
                    assertThat(t.toList().get(0)).isEqualTo(CheckStatus.FAIL);
                    assertThat((String) t.toList().get(1)).startsWith("Disagreement");
                });
    }

    @Test
    void aListedOutputMissingFromTheSubmissionIsReview() {
        FileCheckResult json = checks.one("results.json", v04("pass"));
        assertThat(Checks.of(json, AcroResultsRule.ID)).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).contains("not in the submission"));
    }
}
