package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads the proof of deletion of a project's namespace, for the people the access policy lets see it. */
@Service
public class ProjectDeletionService {

    private final ProjectService projects;
    private final AccessPolicy policy;
    private final ProjectDeletionRepository deletions;

    ProjectDeletionService(ProjectService projects, AccessPolicy policy, ProjectDeletionRepository deletions) {
        this.projects = projects;
        this.policy = policy;
        this.deletions = deletions;
    }

    public ProjectDeletion deletion(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanViewDeletionRecord(user, project);
        return deletions.find(project.id()).orElseThrow(() -> ApiException.notFound("deletion",
                "No deletion is recorded yet for project '" + slug + "'."));
    }

    /** For a page that has loaded the project: the record, or empty when there is none or the user may not see it. */
    public Optional<ProjectDeletion> readableDeletion(CurrentUser user, Project project) {
        if (project.status() != ProjectStatus.ARCHIVED || !policy.canViewDeletionRecord(user, project)) {
            return Optional.empty();
        }
        return deletions.find(project.id());
    }
}
