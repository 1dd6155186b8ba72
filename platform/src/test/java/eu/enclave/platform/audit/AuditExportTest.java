package eu.enclave.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export is a time range of the chain as JSON Lines that someone outside Enclave can check on their own. */
class AuditExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase database;
    private static AuditFixture audit;
    private static List<AuditEntry> entries = new ArrayList<>();

    @BeforeAll
    static void chainWithDistinctTimes() throws InterruptedException {
        database = TestDatabases.createMigrated();
        audit = new AuditFixture(database);
        entries.add(audit.trail.record(AuditEvent.of("system", "platform.started", null, null)));
        for (int i = 1; i <= 8; i++) {
            Thread.sleep(2); // distinct times, so that range boundaries fall between entries
            entries.add(audit.trail.record(new AuditEvent("Rémi", "file.viewed", "cohort", "file:a \"b\"\nc-" + i + ".csv",
                    Map.of("i", i, "note", "ligne " + i + " — «ok»", "tags", List.of("x", "y")))));
        }
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).occurredAt()).isAfter(entries.get(i - 1).occurredAt());
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void exportsExactlyTheEntriesFromInclusiveToExclusiveInChainOrder() {
        Instant from = entries.get(2).occurredAt();
        Instant to = entries.get(6).occurredAt();

        List<JsonNode> lines = export(from, to);

        assertThat(lines).extracting(l -> l.get("seq").asLong()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(lines).extracting(l -> Instant.parse(l.get("occurredAt").asString()))
                .allSatisfy(t -> assertThat(t).isAfterOrEqualTo(from).isBefore(to));
    }

    @Test
    void aRangeBetweenEntriesIsEmptyAndTheWholeRangeIsEverything() {
        Instant justAfterFirst = entries.get(0).occurredAt().plusNanos(1_000);

        assertThat(export(justAfterFirst, entries.get(1).occurredAt())).isEmpty();
        assertThat(export(Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(entries.size());
    }

    @Test
    void eachLineIsOneJsonObjectWithTheStoredFieldsAndHashes() {
        String text = exportText(Instant.EPOCH, Instant.now().plusSeconds(60));

        assertThat(text).endsWith("\n");
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(entries.size());
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            AuditEntry stored = entries.get(i);
            assertThat(line.propertyNames()).containsExactly("seq", "occurredAt", "actor", "action", "project",
                    "target", "details", "prevHash", "hash");
            assertThat(line.get("details").asString()).isEqualTo(stored.details());
            assertThat(line.get("target").isNull() ? null : line.get("target").asString()).isEqualTo(stored.target());
            assertThat(line.get("hash").asString()).isEqualTo(stored.hash());
        }
    }

    @Test
    void aConsumerReVerifiesTheExportWithAuditHash() {
        Instant from = entries.get(3).occurredAt();
        List<JsonNode> lines = export(from, Instant.now().plusSeconds(60));

        AuditHash hash = new AuditHash();
        String expectedPrev = entries.get(2).hash(); // the entry before the range: where the export hooks on
        for (JsonNode line : lines) {
            String recomputed = hash.of(Instant.parse(line.get("occurredAt").asString()), text(line, "actor"),
                    text(line, "action"), text(line, "project"), text(line, "target"), text(line, "details"),
                    text(line, "prevHash"));
            assertThat(recomputed).as("hash of line %s", line.get("seq")).isEqualTo(text(line, "hash"));
            assertThat(text(line, "prevHash")).isEqualTo(expectedPrev);
            expectedPrev = recomputed;
        }
        assertThat(expectedPrev).isEqualTo(audit.reader.verify().headHash());
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value.isNull() ? null : value.asString();
    }

    private static List<JsonNode> export(Instant from, Instant to) {
        String text = exportText(from, to);
        return text.isEmpty() ? List.of() : text.lines().map(JSON::readTree).toList();
    }

    private static String exportText(Instant from, Instant to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = audit.reader.export(from, to, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(written);
        return text;
    }
}
