package eu.enclave.egress.access;

import eu.enclave.platform.audit.web.AuditAccess;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
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
}
