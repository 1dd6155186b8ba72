package eu.enclave.egress.checking.queue;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Check results and their findings in PostgreSQL (insert and read only: the tables refuse updates). */
@Repository
public class CheckResultRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESULT = "SELECT id, request_id, file_id, job_id, purpose, status, detected_type,"
            + " rules_run, engine_version, policy_hash, verified_direct_identifier, checked_at FROM check_results ";

    private final JdbcClient jdbc;

    CheckResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredCheckResult stored) {
        FileCheckResult r = stored.result();
        jdbc.sql("INSERT INTO check_results (id, request_id, file_id, job_id, purpose, status, detected_type,"
                        + " rules_run, engine_version, policy_hash, verified_direct_identifier, checked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(stored.id(), stored.requestId(), stored.fileId(), stored.jobId(), stored.purpose().id(),
                        r.status().id(), r.detectedType(), JSON.writeValueAsString(r.rulesRun()), r.engineVersion(),
                        r.policyHash(), r.verifiedDirectIdentifier(), Timestamp.from(stored.checkedAt()))
                .update();
        int position = 0;
        for (Finding f : r.findings()) {
            Location l = f.location();
            jdbc.sql("INSERT INTO check_findings (result_id, position, rule_id, status, member, sheet, row_number,"
                            + " column_name, line_number, page, masked_value, value_digest, message_en, message_fr)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(stored.id(), position++, f.ruleId(), f.status().id(), l.member(), l.sheet(), l.row(),
                            l.column(), l.line(), l.page(), f.maskedValue(), f.valueDigest(), f.messageEn(),
                            f.messageFr())
                    .update();
        }
    }

    /** The latest result of each file of a request for a purpose, by file id. */
    public Map<UUID, StoredCheckResult> latest(UUID requestId, CheckPurpose purpose) {
        List<StoredCheckResult> rows = jdbc.sql("SELECT DISTINCT ON (file_id) " + RESULT.substring(7)
                        + "WHERE request_id = ? AND purpose = ? ORDER BY file_id, checked_at DESC, id")
                .params(requestId, purpose.id()).query(this::result).list();
        Map<UUID, StoredCheckResult> byFile = new LinkedHashMap<>();
        rows.forEach(r -> byFile.put(r.fileId(), r));
        return byFile;
    }

    /** Every recorded result of a file, oldest first. */
    public List<StoredCheckResult> history(UUID fileId) {
        return jdbc.sql(RESULT + "WHERE file_id = ? ORDER BY checked_at, id").param(fileId).query(this::result).list();
    }

    private StoredCheckResult result(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> rules = JSON.readValue(rs.getString("rules_run"), new TypeReference<List<String>>() { });
        FileCheckResult result = new FileCheckResult(status(rs.getString("status")), rs.getString("detected_type"),
                rules, findings(id), rs.getString("engine_version"), rs.getString("policy_hash"),
                rs.getBoolean("verified_direct_identifier"));
        return new StoredCheckResult(id, rs.getObject("request_id", UUID.class), rs.getObject("file_id", UUID.class),
                rs.getObject("job_id", UUID.class), CheckPurpose.of(rs.getString("purpose")), result,
                rs.getTimestamp("checked_at").toInstant());
    }

    private List<Finding> findings(UUID resultId) {
        return new ArrayList<>(jdbc.sql("SELECT rule_id, status, member, sheet, row_number, column_name, line_number,"
                        + " page, masked_value, value_digest, message_en, message_fr FROM check_findings"
                        + " WHERE result_id = ? ORDER BY position")
                .param(resultId)
                .query((rs, n) -> new Finding(rs.getString(1), status(rs.getString(2)),
                        new Location(rs.getString(3), rs.getString(4), (Long) rs.getObject(5), rs.getString(6),
                                (Long) rs.getObject(7), (Integer) rs.getObject(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .list());
    }

    private static CheckStatus status(String id) {
        return CheckStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }
}
