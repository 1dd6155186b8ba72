package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.project.ProjectDraft;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The "new project" form as typed, kept when it is shown again with its errors. */
public class ProjectForm {

    static final Set<String> FIELDS = Set.of("slug", "title", "description", "legalBasis", "impactAssessment",
            "startDate", "endDate", "principalInvestigator");

    private String slug;
    private String title;
    private String description;
    private String legalBasis;
    private String impactAssessment;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String principalInvestigator;

    ProjectDraft toDraft() {
        return new ProjectDraft(trim(slug), trim(title), trim(description), trim(legalBasis), trim(impactAssessment),
                startDate, endDate, trim(principalInvestigator));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getImpactAssessment() {
        return impactAssessment;
    }

    public void setImpactAssessment(String impactAssessment) {
        this.impactAssessment = impactAssessment;
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

    public String getPrincipalInvestigator() {
        return principalInvestigator;
    }

    public void setPrincipalInvestigator(String principalInvestigator) {
        this.principalInvestigator = principalInvestigator;
    }
}
