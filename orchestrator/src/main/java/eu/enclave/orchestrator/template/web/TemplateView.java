package eu.enclave.orchestrator.template.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import eu.enclave.orchestrator.template.WorkspaceTemplate;

/** A template as the API shows it. */
record TemplateView(String id, WorkspaceTemplate.DisplayNames displayName, String image, String protocol, int port,
                    boolean gpu, Resources resources, WorkspaceTemplate.MountPoints mounts) {

    record Resources(@JsonProperty("default") WorkspaceTemplate.TemplateResources defaults,
                     WorkspaceTemplate.TemplateResources maximum) {
    }

    static TemplateView of(WorkspaceTemplate t) {
        return new TemplateView(t.id(), t.displayName(), t.image(), t.protocol().toString(), t.port(), t.gpu(),
                new Resources(t.defaults(), t.maximum()), t.mounts());
    }
}
