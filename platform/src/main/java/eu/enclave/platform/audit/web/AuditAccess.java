package eu.enclave.platform.audit.web;

import eu.enclave.platform.identity.CurrentUser;

/** Each service's authorization policy says who may verify and export its audit trail. */
public interface AuditAccess {

    /** @throws eu.enclave.platform.web.ApiException when the user may not read the audit trail */
    void checkCanReadAudit(CurrentUser user);
}
