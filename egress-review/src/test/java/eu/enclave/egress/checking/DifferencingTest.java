package eu.enclave.egress.checking;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.ChecksEngine;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.IdentifierDigest;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.history.DifferencingRule;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Earlier releases, on the real index in PostgreSQL: released in one project, compared in another. */
class DifferencingTest {

    private static final String RELEASED = "région;sexe;effectif\nNord;F;120\nNord;H;98\nSud;F;75\nSud;H;64\n";
    private static TestDatabase database;
    private static JdbcTableHistory history;
    private static ChecksEngine engine;

    @BeforeAll
    static void index() {
        database = TestDatabases.create();
        TestDatabases.migrateService(database.dataSource(), "classpath:db/migration");
        history = new JdbcTableHistory(new JdbcTemplate(database.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())));
        Map<String, Set<String>> datasets = Map.of("cardio", Set.of("snds-extract"), "onco", Set.of("snds-extract"),
                "other", Set.of("hospital-warehouse"));
        engine = new ChecksEngine(EngineLimits.DEFAULT, new IdentifierDigest(new byte[32]), history, datasets::get,
                Ticker.SYSTEM);
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    private static FileCheckResult check(String project, UUID id, String name, String csv) {
        CheckedFile file = new CheckedFile(id.toString(), "g", name, csv.length(), false,
                () -> new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return engine.check(project, List.of(file), DisclosurePolicy.DEFAULT, DisclosurePolicy.DEFAULT.hash())
                .get(id.toString());
    }

    private static List<Finding> differencing(FileCheckResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(DifferencingRule.ID)).toList();
    }

    private static UUID release(String project, String name, String csv) {
        UUID file = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        check(project, file, name, csv);
        history.submitted(request, List.of(file));
        history.decided(request, List.of(file), List.of());
        return file;
    }

    @Test
    void aNewTableDifferingFromAReleasedOneByThreeFailsWithTheCell() {
        release("cardio", "effectifs_2024.csv", RELEASED);
        String next = RELEASED.replace("Sud;H;64", "Sud;H;67");
        FileCheckResult result = check("onco", UUID.randomUUID(), "effectifs_maj.csv", next);
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        List<Finding> found = differencing(result);
        assertThat(found).filteredOn(f -> f.status() == CheckStatus.REVIEW).singleElement().satisfies(f -> {
            assertThat(f.maskedValue()).isEqualTo("effectifs_2024.csv");
            assertThat(f.messageEn()).contains("released table").contains("project cardio");
        });
        assertThat(found).filteredOn(f -> f.status() == CheckStatus.FAIL).singleElement().satisfies(f -> {
            assertThat(f.maskedValue()).isEqualTo("3");
            assertThat(f.location().row()).isEqualTo(4L);
            assertThat(f.location().column()).isEqualTo("effectif");
            assertThat(f.messageEn()).contains("(64)");
        });
    }

    @Test
    void tablesOfAnotherDatasetOrOtherDimensionsAreNotCompared() {
        release("cardio", "par_age.csv", "tranche_age;effectif\n0-17;200\n18-64;900\n");
        assertThat(differencing(check("other", UUID.randomUUID(), "x.csv", "tranche_age;effectif\n0-17;203\n")))
                .isEmpty();
        assertThat(differencing(check("onco", UUID.randomUUID(), "y.csv", "departement;effectif\n59;203\n")))
                .allSatisfy(f -> assertThat(f.maskedValue()).isNotEqualTo("par_age.csv"));
    }

    @Test
    void aTableInReviewElsewhereCountsButAPreCheckDoesNot() {
        String table = "etablissement;n_sejours\nCHU A;500\nCHU B;340\n";
        UUID precheck = UUID.randomUUID();
        check("cardio", precheck, "pre.csv", table);
        assertThat(differencing(check("onco", UUID.randomUUID(), "z.csv", table.replace("340", "345")))).isEmpty();
        UUID submitted = UUID.randomUUID();
        check("cardio", submitted, "soumis.csv", table);
        history.submitted(UUID.randomUUID(), List.of(submitted));
        assertThat(differencing(check("onco", UUID.randomUUID(), "z.csv", table.replace("340", "345"))))
                .extracting(Finding::status).containsExactlyInAnyOrder(CheckStatus.REVIEW, CheckStatus.FAIL);
    }

    @Test
    void versionsOfOneRequestAreNotComparedWithEachOther() {
        String table = "specialite;nb\nCardio;800\nNeuro;420\n";
        UUID request = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        check("cardio", first, "v1.csv", table);
        history.submitted(request, List.of(first));
        UUID second = UUID.randomUUID();
        history.submitted(request, List.of(second));
        assertThat(differencing(check("cardio", second, "v2.csv", table.replace("420", "424")))).isEmpty();
    }

    @Test
    void aRejectedTableLeavesTheIndex() {
        String table = "mois;nombre\njanvier;300\nfevrier;310\n";
        UUID file = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        check("cardio", file, "rejete.csv", table);
        history.submitted(request, List.of(file));
        history.decided(request, List.of(), List.of(file));
        assertThat(differencing(check("onco", UUID.randomUUID(), "m.csv", table.replace("310", "312")))).isEmpty();
    }

    @Test
    void whenTheDatasetsAreUnknownEarlierReleasesCannotBeConsulted() {
        ChecksEngine blind = new ChecksEngine(EngineLimits.DEFAULT, new IdentifierDigest(new byte[32]), history,
                project -> {
                    throw new IllegalStateException("orchestrator down");
                }, Ticker.SYSTEM);
        String csv = "region;effectif\nNord;400\n";
        CheckedFile file = new CheckedFile("x", "g", "t.csv", csv.length(), false,
                () -> new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        FileCheckResult result = blind.check("cardio", List.of(file), DisclosurePolicy.DEFAULT, "h").get("x");
        assertThat(differencing(result)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("could not be consulted"));
    }
}
