package eu.enclave.orchestrator.dataset;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.DatasetSource;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dataset catalogue: admins register, change and retire datasets; admins and data stewards read it. Refusals
 * come in a fixed order: not allowed (403, or 404 for one dataset), invalid values (400), a clash with the
 * dataset's state (409).
 */
@Service
public class DatasetService {

    private final DatasetRepository datasets;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    DatasetService(DatasetRepository datasets, AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.datasets = datasets;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Dataset> list(CurrentUser user) {
        policy.checkCanReadDatasets(user);
        return datasets.findAll();
    }

    @Transactional(readOnly = true)
    public Dataset get(CurrentUser user, String name) {
        if (!policy.canReadDatasets(user)) {
            throw noSuchDataset(name);
        }
        return datasets.findByName(name).orElseThrow(() -> noSuchDataset(name));
    }

    @Transactional
    public Dataset register(CurrentUser user, DatasetInput input) {
        policy.checkCanManageDatasets(user);
        DatasetRules.Checked checked = DatasetRules.create(input);
        if (datasets.nameExists(checked.name())) {
            throw nameTaken(checked.name());
        }
        Instant now = now();
        Dataset dataset = new Dataset(UUID.randomUUID(), checked.name(), checked.description(), checked.owner(),
                checked.tier(), checked.disclosure(), checked.source(), DatasetStatus.ACTIVE, user.username(), now,
                now);
        try {
            datasets.insert(dataset);
        } catch (DuplicateKeyException raced) {
            throw nameTaken(checked.name());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("owner", dataset.owner());
        details.put("tier", dataset.tier().toString());
        details.put("minimumCellCount", dataset.disclosure().minimumCellCount());
        details.put("source", sourceDetails(dataset.source()));
        audit.record(new AuditEvent(user.username(), "dataset.registered", null, target(dataset), details));
        return dataset;
    }

    /**
     * Changes what is given. The source may change only while no approval of the dataset is current or to come:
     * a volume's source cannot change on the cluster, and a project must never find other data under the same
     * name. A retired dataset no longer changes.
     */
    @Transactional
    public Dataset update(CurrentUser user, String name, DatasetChanges changes) {
        policy.checkCanManageDatasets(user);
        Dataset current = datasets.lockByName(name).orElseThrow(() -> noSuchDataset(name));
        DatasetRules.Checked checked = DatasetRules.change(current, changes);
        if (current.isRetired()) {
            throw ApiException.conflict("status", "Dataset '" + name + "' is retired and no longer changes.");
        }
        boolean sourceChanged = !current.source().equals(checked.source());
        if (sourceChanged && datasets.hasLiveApprovals(current.id(), LocalDate.now(clock))) {
            throw ApiException.conflict("source", "Dataset '" + name + "' has approvals that are current or to come;"
                    + " its source can change only once they have ended or been revoked.");
        }
        Dataset updated = new Dataset(current.id(), current.name(), checked.description(), checked.owner(),
                checked.tier(), checked.disclosure(), checked.source(), current.status(), current.createdBy(),
                current.createdAt(), now());
        Map<String, Object> changed = changedFields(current, updated);
        if (changed.isEmpty()) {
            return current;
        }
        datasets.update(updated);
        audit.record(new AuditEvent(user.username(), "dataset.updated", null, target(updated), changed));
        return updated;
    }

    /** Retires a dataset that no project may use any more; refused while an approval is current or to come. */
    @Transactional
    public Dataset retire(CurrentUser user, String name, Retirement retirement) {
        policy.checkCanManageDatasets(user);
        Dataset current = datasets.lockByName(name).orElseThrow(() -> noSuchDataset(name));
        String why = retirement == null || retirement.reason() == null ? "" : retirement.reason().strip();
        if (why.length() > 500) {
            throw ApiException.invalid("reason", "must be at most 500 characters");
        }
        if (current.isRetired()) {
            throw ApiException.conflict("status", "Dataset '" + name + "' is already retired.");
        }
        if (datasets.hasLiveApprovals(current.id(), LocalDate.now(clock))) {
            throw ApiException.conflict("approvals", "Dataset '" + name + "' has approvals that are current or to"
                    + " come; a data steward must revoke them first.");
        }
        Dataset retired = new Dataset(current.id(), current.name(), current.description(), current.owner(),
                current.tier(), current.disclosure(), current.source(), DatasetStatus.RETIRED, current.createdBy(),
                current.createdAt(), now());
        datasets.update(retired);
        audit.record(new AuditEvent(user.username(), "dataset.retired", null, target(retired),
                Map.of("reason", why)));
        return retired;
    }

    public static ApiException noSuchDataset(String name) {
        return ApiException.notFound("name", "No dataset '" + name + "'.");
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("name", "The name '" + name + "' is already taken.");
    }

    private static String target(Dataset dataset) {
        return "dataset:" + dataset.name();
    }

    /** Where the data is, for the record; CSI attribute values stay out, as a driver may carry anything there. */
    static Map<String, Object> sourceDetails(DatasetSource source) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", source.kind());
        if (source instanceof DatasetSource.ExistingVolume volume) {
            details.put("volumeName", volume.volumeName());
            details.put("storageClassName", volume.storageClassName());
        } else if (source instanceof DatasetSource.Nfs nfs) {
            details.put("server", nfs.server());
            details.put("path", nfs.path());
        } else if (source instanceof DatasetSource.Csi csi) {
            details.put("driver", csi.driver());
            details.put("volumeHandle", csi.volumeHandle());
            details.put("attributeCount", csi.attributes().size());
        }
        return details;
    }

    private static Map<String, Object> changedFields(Dataset before, Dataset after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!before.description().equals(after.description())) {
            changed.put("description", "(changed)");
        }
        diff(changed, "owner", before.owner(), after.owner());
        diff(changed, "tier", before.tier(), after.tier());
        diff(changed, "minimumCellCount", before.disclosure().minimumCellCount(), after.disclosure().minimumCellCount());
        diff(changed, "dominancePercent", before.disclosure().dominancePercent(), after.disclosure().dominancePercent());
        if (!before.source().equals(after.source())) {
            changed.put("source", sourceDetails(after.source()));
        }
        return changed;
    }

    private static void diff(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, after == null ? "" : after.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
