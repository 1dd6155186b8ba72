package eu.enclave.orchestrator.dataset.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.enclave.orchestrator.cluster.DatasetSource;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetStatus;
import eu.enclave.orchestrator.dataset.Disclosure;
import eu.enclave.orchestrator.dataset.SensitivityTier;
import java.time.Instant;
import java.util.Map;

/** A dataset as the catalogue API shows it to admins and stewards, storage source included. */
record DatasetView(String name, String description, String owner, SensitivityTier tier, Disclosure disclosure,
                   SourceView source, DatasetStatus status, String createdBy, Instant createdAt, Instant updatedAt) {

    static DatasetView of(Dataset d) {
        return new DatasetView(d.name(), d.description(), d.owner(), d.tier(), d.disclosure(), SourceView.of(d.source()),
                d.status(), d.createdBy(), d.createdAt(), d.updatedAt());
    }

    /** The source's own fields only, as given to the API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SourceView(String kind, String volumeName, String storageClassName, String server, String path,
                      String driver, String volumeHandle, Map<String, String> attributes) {

        static SourceView of(DatasetSource source) {
            if (source instanceof DatasetSource.ExistingVolume v) {
                return new SourceView(v.kind(), v.volumeName(), v.storageClassName(), null, null, null, null, null);
            }
            if (source instanceof DatasetSource.Nfs n) {
                return new SourceView(n.kind(), null, null, n.server(), n.path(), null, null, null);
            }
            DatasetSource.Csi c = (DatasetSource.Csi) source;
            return new SourceView(c.kind(), null, null, null, null, c.driver(), c.volumeHandle(), c.attributes());
        }
    }
}
