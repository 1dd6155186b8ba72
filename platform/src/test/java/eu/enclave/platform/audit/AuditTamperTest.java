package eu.enclave.platform.audit;

import eu.enclave.platform.testing.TestDatabases;

/** The tamper checks on this JVM's test server (embedded PostgreSQL 17, or ENCLAVE_TEST_DATABASE_URL). */
class AuditTamperTest extends AuditTamperChecks {

    @Override
    TestDatabases.Server server() {
        return TestDatabases.shared();
    }
}
