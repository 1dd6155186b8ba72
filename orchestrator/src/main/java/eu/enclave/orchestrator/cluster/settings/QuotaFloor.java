package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A quota may not go below what the namespace already uses: each quota field against the ResourceQuota keys it
 * sets, compared by value (so {@code 6144Mi} equals {@code 6Gi}). Pure.
 */
final class QuotaFloor {

    private QuotaFloor() {
    }

    /** Every field of {@code next} below current use, naming the use as the server reported it. */
    static List<FieldProblem> belowUse(ProjectQuota next, Map<String, Quantity> used) {
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("cpu", next.cpu());
        limits.put("memory", next.memory());
        limits.put("gpus", Integer.toString(next.gpus()));
        limits.put("pods", Integer.toString(next.pods()));
        limits.put("pvcs", Integer.toString(next.pvcs()));
        limits.put("storage", next.storage());
        List<FieldProblem> problems = new ArrayList<>();
        limits.forEach((field, limit) -> {
            BigDecimal ceiling = Quantity.getAmountInBytes(new Quantity(limit));
            keys(field).stream().filter(used::containsKey)
                    .filter(key -> Quantity.getAmountInBytes(used.get(key)).compareTo(ceiling) > 0)
                    .max((a, b) -> Quantity.getAmountInBytes(used.get(a))
                            .compareTo(Quantity.getAmountInBytes(used.get(b))))
                    .ifPresent(key -> problems.add(new FieldProblem(field,
                            "below current use " + used.get(key) + " (" + key + ")")));
        });
        return problems;
    }

    /** The ResourceQuota keys a quota field sets (as {@code bundle/ProjectQuotas} writes them). */
    private static List<String> keys(String field) {
        return switch (field) {
            case "cpu" -> List.of("requests.cpu", "limits.cpu");
            case "memory" -> List.of("requests.memory", "limits.memory");
            case "gpus" -> List.of("requests.nvidia.com/gpu");
            case "pvcs" -> List.of("persistentvolumeclaims");
            case "storage" -> List.of("requests.storage");
            default -> List.of(field);
        };
    }

    /** 409: the quota is well-formed but clashes with what the namespace holds now; every such field is named. */
    static final class BelowUse extends ApiException {

        BelowUse(List<FieldProblem> problems) {
            super(HttpStatus.CONFLICT, problems.stream().map(p -> p.field() + ": " + p.reason())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), problems);
        }
    }
}
