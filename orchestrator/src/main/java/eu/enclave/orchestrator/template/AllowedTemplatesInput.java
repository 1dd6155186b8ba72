package eu.enclave.orchestrator.template;

import java.util.List;

/** The body of {@code PUT /api/v1/projects/{slug}/templates}: the whole list of template ids ({@code []} for none). */
public record AllowedTemplatesInput(List<String> templates) {
}
