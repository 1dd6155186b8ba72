package eu.enclave.egress.access;

import eu.enclave.egress.orchestrator.Person;
import eu.enclave.egress.request.Request;
import eu.enclave.platform.audit.web.AuditAccess;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** egress-review's one authorization policy. Requests, files and decisions add their rules here. */
@Component
public class ReviewAccessPolicy implements AuditAccess {

    public boolean canReadAudit(CurrentUser user) {
        return user.isAdmin();
    }

    @Override
    public void checkCanReadAudit(CurrentUser user) {
        if (!canReadAudit(user)) {
            throw ApiException.forbidden("Only platform admins read the audit trail.");
        }
    }

    // From inside a workspace (the intake port): the caller is the egress token's owner, in the token's project.

    /** The requester reads their own requests of the token's project, from any of their workspaces of it. */
    public boolean canReadFromWorkspace(String project, Person owner, Request request) {
        return request.project().equals(project) && request.requester().is(owner.issuer(), owner.subject());
    }

    /** Invisible requests do not exist for the caller: 404, as for an unknown id. */
    public void checkCanReadFromWorkspace(String project, Person owner, Request request) {
        if (!canReadFromWorkspace(project, owner, request)) {
            throw noSuchRequest();
        }
    }

    /** Files, versions, answers and submission come from the workspace the request was made in, whatever its start. */
    public boolean canChangeFromWorkspace(String project, Person owner, UUID workspaceId, Request request) {
        return canReadFromWorkspace(project, owner, request) && request.workspaceId().equals(workspaceId);
    }

    public void checkCanChangeFromWorkspace(String project, Person owner, UUID workspaceId, Request request) {
        checkCanReadFromWorkspace(project, owner, request);
        if (!canChangeFromWorkspace(project, owner, workspaceId, request)) {
            throw ApiException.forbidden("Only workspace '" + request.workspace() + "', where this request was made, "
                    + "may change it.");
        }
    }

    public static ApiException noSuchRequest() {
        return ApiException.notFound("id", "No such request.");
    }
}
