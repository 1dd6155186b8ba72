package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.cluster.settings.Quantities;
import eu.enclave.platform.web.ApiException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;

/** The rules a workspace request must meet, each refusal naming its field. Pure: no database, no cluster. */
public final class WorkspaceRules {

    public static final int MAX_NAME = 30;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private WorkspaceRules() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("name", "is required");
        }
        if (name.length() > MAX_NAME || !DNS_LABEL.matcher(name).matches()) {
            throw ApiException.invalid("name", "must be a DNS label of at most " + MAX_NAME + " characters: lower-case"
                    + " letters, digits and hyphens, starting with a letter and not ending with a hyphen");
        }
        return name;
    }

    /** The request's size with the template's defaults filled in, checked against the template's maximum. */
    public static WorkspaceSize size(NewWorkspace.SizeInput input, WorkspaceImage image) {
        WorkspaceSize defaults = image.defaultSize();
        WorkspaceSize max = image.maxSize();
        String cpu = input == null || input.cpu() == null ? defaults.cpu() : input.cpu().strip();
        String memory = input == null || input.memory() == null ? defaults.memory() : input.memory().strip();
        int gpus = input == null || input.gpus() == null ? defaults.gpus() : input.gpus();
        BigDecimal cpuValue = quantity("size.cpu", cpu, true);
        BigDecimal memoryValue = quantity("size.memory", memory, false);
        if (cpuValue.signum() <= 0) {
            throw ApiException.invalid("size.cpu", "must be more than 0");
        }
        if (memoryValue.signum() <= 0) {
            throw ApiException.invalid("size.memory", "must be more than 0");
        }
        if (cpuValue.compareTo(quantity("size.cpu", max.cpu(), true)) > 0) {
            throw ApiException.invalid("size.cpu", "is above the maximum of template '" + image.id() + "' ("
                    + max.cpu() + ")");
        }
        if (memoryValue.compareTo(quantity("size.memory", max.memory(), false)) > 0) {
            throw ApiException.invalid("size.memory", "is above the maximum of template '" + image.id() + "' ("
                    + max.memory() + ")");
        }
        if (gpus < 0) {
            throw ApiException.invalid("size.gpus", "must not be negative");
        }
        if (gpus > 0 && !image.gpu()) {
            throw ApiException.invalid("size.gpus", "template '" + image.id() + "' has no GPU");
        }
        if (gpus > max.gpus()) {
            throw ApiException.invalid("size.gpus", "is above the maximum of template '" + image.id() + "' ("
                    + max.gpus() + ")");
        }
        return new WorkspaceSize(cpu, memory, gpus);
    }

    /**
     * Refuses a size that would take the project's running workspaces beyond its quota.
     *
     * @param running the sizes of the project's other workspaces that run or are about to
     */
    public static void checkQuota(ProjectQuota quota, Collection<WorkspaceSize> running, WorkspaceSize size) {
        BigDecimal cpu = quantity("size.cpu", size.cpu(), true);
        BigDecimal memory = quantity("size.memory", size.memory(), false);
        int gpus = size.gpus();
        for (WorkspaceSize other : running) {
            cpu = cpu.add(quantity("size.cpu", other.cpu(), true));
            memory = memory.add(quantity("size.memory", other.memory(), false));
            gpus += other.gpus();
        }
        String inUse = " with the project's " + running.size() + " other running workspace(s)";
        if (cpu.compareTo(quantity("size.cpu", quota.cpu(), true)) > 0) {
            throw ApiException.invalid("size.cpu", "would exceed the project's CPU quota of " + quota.cpu() + inUse);
        }
        if (memory.compareTo(quantity("size.memory", quota.memory(), false)) > 0) {
            throw ApiException.invalid("size.memory", "would exceed the project's memory quota of " + quota.memory()
                    + inUse);
        }
        if (gpus > quota.gpus()) {
            throw ApiException.invalid("size.gpus", "would exceed the project's GPU quota of " + quota.gpus() + inUse);
        }
    }

    private static BigDecimal quantity(String field, String text, boolean cpu) {
        return Quantities.parse(text, cpu).orElseThrow(() -> ApiException.invalid(field, "must be a Kubernetes"
                + " quantity such as " + (cpu ? "2 or 500m" : "4Gi or 512Mi")));
    }
}
