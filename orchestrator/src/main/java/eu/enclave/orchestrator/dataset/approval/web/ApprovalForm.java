package eu.enclave.orchestrator.dataset.approval.web;

import eu.enclave.orchestrator.dataset.approval.ApprovalInput;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The steward's approval form, as typed. Serializable: it travels back as a flash attribute when refused. */
public class ApprovalForm implements Serializable {

    static final String NAME = "approval";
    static final Set<String> FIELDS = Set.of("dataset", "startDate", "endDate", "reference");

    private String dataset;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String reference;

    ApprovalInput toInput() {
        return new ApprovalInput(dataset, startDate, endDate, reference);
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
