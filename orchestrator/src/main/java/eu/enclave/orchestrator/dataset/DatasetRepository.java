package eu.enclave.orchestrator.dataset;

import eu.enclave.orchestrator.cluster.DatasetSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The dataset catalogue in PostgreSQL. */
@Repository
public class DatasetRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, name, description, owner, tier, min_cell_count, dominance_percent,"
            + " source_kind, volume_name, storage_class, nfs_server, nfs_path, csi_driver, csi_volume_handle,"
            + " csi_attributes, status, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    DatasetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Dataset> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets WHERE name = ?").param(name)
                .query(DatasetRepository::map).optional();
    }

    /** Locks the dataset's row until commit: decisions about one dataset queue behind each other. */
    public Optional<Dataset> lockByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets WHERE name = ? FOR UPDATE").param(name)
                .query(DatasetRepository::map).optional();
    }

    public List<Dataset> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets ORDER BY name").query(DatasetRepository::map).list();
    }

    public List<Dataset> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets WHERE id IN (:ids) ORDER BY name").param("ids", ids)
                .query(DatasetRepository::map).list();
    }

    public boolean nameExists(String name) {
        return jdbc.sql("SELECT count(*) FROM datasets WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** Whether some project holds an approval of the dataset that is not revoked and has not ended by {@code day}. */
    public boolean hasLiveApprovals(UUID datasetId, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM dataset_approvals WHERE dataset_id = ? AND revoked_at IS NULL"
                + " AND end_date >= ?").params(datasetId, day).query(Long.class).single() > 0;
    }

    void insert(Dataset d) {
        List<Object> values = new ArrayList<>(List.of(d.id(), d.name(), d.description(), d.owner(),
                d.tier().toString(), d.disclosure().minimumCellCount()));
        values.add(d.disclosure().dominancePercent());
        values.addAll(sourceColumns(d.source()));
        values.addAll(List.of(d.status().toString(), d.createdBy(), Timestamp.from(d.createdAt()),
                Timestamp.from(d.updatedAt())));
        jdbc.sql("INSERT INTO datasets (" + COLUMNS + ") VALUES (" + "?, ".repeat(18) + "?)").params(values).update();
    }

    void update(Dataset d) {
        List<Object> values = new ArrayList<>(List.of(d.description(), d.owner(), d.tier().toString(),
                d.disclosure().minimumCellCount()));
        values.add(d.disclosure().dominancePercent());
        values.addAll(sourceColumns(d.source()));
        values.addAll(List.of(d.status().toString(), Timestamp.from(d.updatedAt()), d.id()));
        jdbc.sql("UPDATE datasets SET description = ?, owner = ?, tier = ?, min_cell_count = ?, dominance_percent = ?,"
                        + " source_kind = ?, volume_name = ?, storage_class = ?, nfs_server = ?, nfs_path = ?,"
                        + " csi_driver = ?, csi_volume_handle = ?, csi_attributes = ?, status = ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(values).update();
    }

    /** kind, volume name, storage class, NFS server, NFS path, CSI driver, CSI handle, CSI attributes. */
    private static List<Object> sourceColumns(DatasetSource source) {
        List<Object> columns = new ArrayList<>();
        columns.add(source.kind());
        columns.add(source instanceof DatasetSource.ExistingVolume v ? v.volumeName() : null);
        columns.add(source instanceof DatasetSource.ExistingVolume v ? v.storageClassName() : null);
        columns.add(source instanceof DatasetSource.Nfs n ? n.server() : null);
        columns.add(source instanceof DatasetSource.Nfs n ? n.path() : null);
        columns.add(source instanceof DatasetSource.Csi c ? c.driver() : null);
        columns.add(source instanceof DatasetSource.Csi c ? c.volumeHandle() : null);
        columns.add(source instanceof DatasetSource.Csi c ? JSON.writeValueAsString(c.attributes()) : null);
        return columns;
    }

    static Dataset map(ResultSet rs, int row) throws SQLException {
        Integer dominance = rs.getObject(7) == null ? null : rs.getInt(7);
        return new Dataset(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                SensitivityTier.parse(rs.getString(5)), new Disclosure(rs.getInt(6), dominance), source(rs),
                DatasetStatus.parse(rs.getString(16)), rs.getString(17), rs.getTimestamp(18).toInstant(),
                rs.getTimestamp(19).toInstant());
    }

    private static DatasetSource source(ResultSet rs) throws SQLException {
        return switch (rs.getString(8)) {
            case DatasetSource.ExistingVolume.KIND -> new DatasetSource.ExistingVolume(rs.getString(9), rs.getString(10));
            case DatasetSource.Nfs.KIND -> new DatasetSource.Nfs(rs.getString(11), rs.getString(12));
            case DatasetSource.Csi.KIND -> new DatasetSource.Csi(rs.getString(13), rs.getString(14),
                    JSON.readValue(rs.getString(15), new TypeReference<Map<String, String>>() { }));
            default -> throw new IllegalStateException("unknown source kind " + rs.getString(8));
        };
    }
}
