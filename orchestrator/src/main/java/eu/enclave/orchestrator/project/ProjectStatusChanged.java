package eu.enclave.orchestrator.project;

import java.util.UUID;

/** Published when a project moves from one status to another, inside the transaction that moves it. */
public record ProjectStatusChanged(UUID projectId, String slug, ProjectStatus from, ProjectStatus to) {
}
