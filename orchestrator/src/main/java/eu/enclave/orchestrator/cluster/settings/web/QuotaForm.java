package eu.enclave.orchestrator.cluster.settings.web;

import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.cluster.settings.QuotaInput;
import java.io.Serializable;
import java.util.Set;
import org.springframework.validation.BindingResult;

/**
 * The admin's quota form on the project page, as typed (counts too, so that "ten" comes back as typed with an
 * error rather than as a conversion failure). Serializable: it travels as a flash attribute.
 */
public class QuotaForm implements Serializable {

    /** The model attribute name, shared by the page that shows the form and the handler that takes it. */
    public static final String NAME = "quotaForm";
    static final Set<String> FIELDS = Set.of("cpu", "memory", "gpus", "pods", "pvcs", "storage");

    private String cpu;
    private String memory;
    private String gpus;
    private String pods;
    private String pvcs;
    private String storage;

    public static QuotaForm of(ProjectQuota q) {
        QuotaForm form = new QuotaForm();
        form.cpu = q.cpu();
        form.memory = q.memory();
        form.gpus = Integer.toString(q.gpus());
        form.pods = Integer.toString(q.pods());
        form.pvcs = Integer.toString(q.pvcs());
        form.storage = q.storage();
        return form;
    }

    /** The input to hand to the service; a count that is not a whole number is rejected on {@code result}. */
    QuotaInput toInput(BindingResult result) {
        return new QuotaInput(text(cpu), text(memory), count("gpus", gpus, result), count("pods", pods, result),
                count("pvcs", pvcs, result), text(storage));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer count(String field, String value, BindingResult result) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        if (!text.matches("-?[0-9]{1,9}")) {
            result.rejectValue(field, "cluster.quota.error.notAWholeNumber");
            return 0;
        }
        return Integer.valueOf(text);
    }

    public String getCpu() {
        return cpu;
    }

    public void setCpu(String cpu) {
        this.cpu = cpu;
    }

    public String getMemory() {
        return memory;
    }

    public void setMemory(String memory) {
        this.memory = memory;
    }

    public String getGpus() {
        return gpus;
    }

    public void setGpus(String gpus) {
        this.gpus = gpus;
    }

    public String getPods() {
        return pods;
    }

    public void setPods(String pods) {
        this.pods = pods;
    }

    public String getPvcs() {
        return pvcs;
    }

    public void setPvcs(String pvcs) {
        this.pvcs = pvcs;
    }

    public String getStorage() {
        return storage;
    }

    public void setStorage(String storage) {
        this.storage = storage;
    }
}
