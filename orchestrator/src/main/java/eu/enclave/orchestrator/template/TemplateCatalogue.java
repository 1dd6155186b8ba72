package eu.enclave.orchestrator.template;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace templates this orchestrator offers, loaded and checked once at startup (see
 * {@link TemplateCatalogueLoader}). Immutable; ordered by id.
 */
public final class TemplateCatalogue {

    private final Map<String, WorkspaceTemplate> byId;

    /** @throws IllegalArgumentException when two templates share an id (the loader reports that as an error) */
    public TemplateCatalogue(List<WorkspaceTemplate> templates) {
        Map<String, WorkspaceTemplate> map = new LinkedHashMap<>();
        templates.stream().sorted(Comparator.comparing(WorkspaceTemplate::id)).forEach(t -> {
            if (map.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("two templates with the id '" + t.id() + "'");
            }
        });
        this.byId = Collections.unmodifiableMap(map);
    }

    public Optional<WorkspaceTemplate> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<WorkspaceTemplate> all() {
        return List.copyOf(byId.values());
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
