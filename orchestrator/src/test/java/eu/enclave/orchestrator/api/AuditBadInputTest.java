package eu.enclave.orchestrator.api;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Audit export ranges that must be refused, naming the bound at fault, and leaving no audit entry. */
@OrchestratorApiTest
class AuditBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "from={0} to={1} -> {2}")
    @CsvSource(nullValues = "NONE", value = {
        "NONE,                  2026-01-01,             from",
        "2026-01-01,            NONE,                   to",
        "'',                    2026-01-01,             from",
        "yesterday,             2026-01-01,             from",
        "2026-01-01,            2026-13-01,             to",
        "2026-02-30,            2026-03-01,             from",
        "2026-01-01T00:00:00,   2026-02-01,             from",
        "2026-02-01,            2026-01-01,             to",
        "2026-01-01,            2026-01-01,             to",
        "2026-01-01T10:00:00Z,  2026-01-01T09:59:59Z,   to",
        "2026-01-01,            +300000-01-01T00:00:00Z, to",
        "-300000-01-01T00:00:00Z, 2026-01-01,           from"})
    void badRange(String from, String to, String field) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/audit/export").with(as("admin"));
        if (from != null) {
            request.param("from", from);
        }
        if (to != null) {
            request.param("to", to);
        }
        assertRejected(mvc, fixtures, request, 400, field);
    }
}
