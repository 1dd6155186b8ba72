package eu.enclave.orchestrator.dataset;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The dataset catalogue through the API: registering, reading, changing and retiring, and what is refused. */
@OrchestratorApiTest
class DatasetApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void anAdminRegistersAnNfsDatasetWithDefaultDisclosureAndItIsAudited() throws Exception {
        String name = Fixtures.newSlug("cohort");
        long head = fixtures.auditHead();

        String body = ok(201, register("""
                {"name": "%s", "description": "Diabetes cohort 2015-2025", "owner": "CHU de Lille",
                 "tier": "pseudonymised",
                 "source": {"kind": "nfs", "server": "nfs.chu.internal", "path": "/exports/cohort"}}""".formatted(name)));

        assertThat(JsonPath.<String>read(body, "$.name")).isEqualTo(name);
        assertThat(JsonPath.<String>read(body, "$.tier")).isEqualTo("pseudonymised");
        assertThat(JsonPath.<Integer>read(body, "$.disclosure.minimumCellCount")).isEqualTo(11);
        assertThat(JsonPath.<Object>read(body, "$.disclosure.dominancePercent")).isNull();
        assertThat(JsonPath.<String>read(body, "$.source.kind")).isEqualTo("nfs");
        assertThat(JsonPath.<String>read(body, "$.source.path")).isEqualTo("/exports/cohort");
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("active");
        assertThat(JsonPath.<String>read(ok(200, get("/api/v1/datasets/{n}", name).with(as("steward"))), "$.owner"))
                .isEqualTo("CHU de Lille");
        assertThat(JsonPath.<List<String>>read(ok(200, get("/api/v1/datasets").with(as("steward"))), "$[*].name"))
                .contains(name);
        List<Audited> entries = fixtures.auditAfter(head);
        assertThat(entries).extracting(Audited::action).containsExactly("dataset.registered");
        assertThat(entries.get(0).actor()).isEqualTo("admin");
        assertThat(entries.get(0).target()).isEqualTo("dataset:" + name);
        assertThat(entries.get(0).details()).contains("\"path\":\"/exports/cohort\"", "\"tier\":\"pseudonymised\"");
    }

    @Test
    void csiAndExistingVolumeSourcesAreKeptAsGiven() throws Exception {
        String csi = ok(201, register("""
                {"name": "%s", "owner": "CNAM", "tier": "highly_sensitive",
                 "disclosure": {"minimumCellCount": 11, "dominancePercent": 85},
                 "source": {"kind": "csi", "driver": "s3.csi.scality.com", "volumeHandle": "snds-2024",
                            "attributes": {"bucket": "snds-2024", "mounter": "rclone"}}}"""
                .formatted(Fixtures.newSlug("snds"))));
        assertThat(JsonPath.<String>read(csi, "$.source.driver")).isEqualTo("s3.csi.scality.com");
        assertThat(JsonPath.<String>read(csi, "$.source.attributes.bucket")).isEqualTo("snds-2024");
        assertThat(JsonPath.<Integer>read(csi, "$.disclosure.dominancePercent")).isEqualTo(85);
        assertThat(csi).doesNotContain("\"server\"");

        String pv = ok(201, register("""
                {"name": "%s", "owner": "EDS", "tier": "anonymised",
                 "source": {"kind": "persistent-volume", "volumeName": "eds-extract-2025"}}"""
                .formatted(Fixtures.newSlug("eds"))));
        assertThat(JsonPath.<String>read(pv, "$.source.volumeName")).isEqualTo("eds-extract-2025");
        assertThat(JsonPath.<String>read(pv, "$.source.storageClassName")).isEmpty();
    }

    @Test
    void anAdminChangesTheOwnerAndTierButNeverTheName() throws Exception {
        Dataset dataset = fixtures.datasets().nfsDataset("chg");
        long head = fixtures.auditHead();

        String body = ok(200, patch("/api/v1/datasets/{n}", dataset.name()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"owner\": \"AP-HP\", \"tier\": \"highly_sensitive\", \"disclosure\": {\"minimumCellCount\": 20}}"));

        assertThat(JsonPath.<String>read(body, "$.owner")).isEqualTo("AP-HP");
        assertThat(JsonPath.<String>read(body, "$.tier")).isEqualTo("highly_sensitive");
        assertThat(JsonPath.<Integer>read(body, "$.disclosure.minimumCellCount")).isEqualTo(20);
        assertThat(fixtures.auditAfter(head)).extracting(Audited::action).containsExactly("dataset.updated");
        assertRejected(mvc, fixtures, patch("/api/v1/datasets/{n}", dataset.name()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"renamed\"}"), 400);
    }

    @Test
    void theSourceIsFixedWhileAnApprovalIsCurrentAndRetiringWaitsForRevocation() throws Exception {
        Dataset dataset = fixtures.datasets().nfsDataset("fix");
        Project project = fixtures.activeProject("fix");
        fixtures.datasets().approve(project, dataset);

        assertRejected(mvc, fixtures, patch("/api/v1/datasets/{n}", dataset.name()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\": {\"kind\": \"nfs\", \"server\": \"10.9.9.9\", \"path\": \"/other\"}}"), 409,
                "source");
        assertRejected(mvc, fixtures, retire(dataset.name()), 409, "approvals");
        ok(200, patch("/api/v1/datasets/{n}", dataset.name()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"still editable\"}"));
    }

    @Test
    void aRetiredDatasetGetsNoApprovalAndNoChange() throws Exception {
        Dataset dataset = fixtures.datasets().nfsDataset("ret");
        long head = fixtures.auditHead();

        assertThat(JsonPath.<String>read(ok(200, retire(dataset.name())), "$.status")).isEqualTo("retired");

        assertThat(fixtures.auditAfter(head)).extracting(Audited::action).containsExactly("dataset.retired");
        assertRejected(mvc, fixtures, retire(dataset.name()), 409, "status");
        assertRejected(mvc, fixtures, patch("/api/v1/datasets/{n}", dataset.name()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"owner\": \"x\"}"), 409, "status");
        Project project = fixtures.activeProject("ret");
        assertRejected(mvc, fixtures, post("/api/v1/projects/{s}/dataset-approvals", project.slug())
                .with(as("steward")).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"dataset\": \"%s\", \"endDate\": \"%s\", \"reference\": \"P-1\"}"
                                .formatted(dataset.name(), fixtures.today().plusDays(5))), 409, "dataset");
    }

    @Test
    void aTakenNameIsRefused() throws Exception {
        Dataset dataset = fixtures.datasets().nfsDataset("dup");
        assertRejected(mvc, fixtures, register("""
                {"name": "%s", "owner": "X", "tier": "pseudonymised",
                 "source": {"kind": "nfs", "server": "10.0.0.1", "path": "/x"}}""".formatted(dataset.name())),
                409, "name");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "name|\"name\": \"Cohort\"", "name|\"name\": \"-cohort\"", "name|\"name\": \"a_b\"",
            "name|\"name\": \"abcdefghij-abcdefghij-abcdefghij-abcdefghij\"", "name|\"name\": \"\"",
            "owner|\"owner\": \"\"", "tier|\"tier\": \"secret\"", "tier|\"tier\": \"PSEUDONYMISED\"",
            "disclosure.minimumCellCount|\"disclosure\": {\"minimumCellCount\": 0}",
            "disclosure.dominancePercent|\"disclosure\": {\"dominancePercent\": 101}",
            "source|\"source\": null",
            "source.kind|\"source\": {\"kind\": \"smb\", \"server\": \"h\", \"path\": \"/x\"}",
            "source.path|\"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"exports/x\"}",
            "source.path|\"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"/exports/../etc\"}",
            "source.path|\"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"/a b\"}",
            "source.path|\"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\"}",
            "source.server|\"source\": {\"kind\": \"nfs\", \"server\": \"nfs..internal\", \"path\": \"/x\"}",
            "source.server|\"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.300\", \"path\": \"/x\"}",
            "source.server|\"source\": {\"kind\": \"nfs\", \"server\": \"nfs server\", \"path\": \"/x\"}",
            "source.volumeName|\"source\": {\"kind\": \"nfs\", \"server\": \"h\", \"path\": \"/x\", \"volumeName\": \"pv\"}",
            "source.driver|\"source\": {\"kind\": \"csi\", \"driver\": \"My_Driver\", \"volumeHandle\": \"h\"}",
            "source.driver|\"source\": {\"kind\": \"csi\", \"volumeHandle\": \"h\"}",
            "source.volumeHandle|\"source\": {\"kind\": \"csi\", \"driver\": \"csi.example.com\"}",
            "source.attributes|\"source\": {\"kind\": \"csi\", \"driver\": \"csi.example.com\", \"volumeHandle\": \"h\", \"attributes\": {\"bad key\": \"v\"}}",
            "source.volumeName|\"source\": {\"kind\": \"persistent-volume\", \"volumeName\": \"PV_1\"}",
            "source.volumeName|\"source\": {\"kind\": \"persistent-volume\"}"})
    void anInvalidFieldIsNamedAndNothingIsWritten(String field, String replacement) throws Exception {
        String key = replacement.substring(1, replacement.indexOf('"', 1));
        String body = validBody(Fixtures.newSlug("bad")).replaceFirst("\"" + key + "\": (\"[^\"]*\"|\\{[^}]*\\})",
                replacement.replace("\\", "\\\\").replace("$", "\\$"));
        assertThat(body).contains(replacement);
        assertRejected(mvc, fixtures, register(body), 400, field);
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() throws Exception {
        assertRejected(mvc, fixtures, register("{}"), 400, "name", "owner", "tier", "source");
    }

    @Test
    void onlyAdminsWriteAndOthersCannotTellADatasetExists() throws Exception {
        Dataset dataset = fixtures.datasets().nfsDataset("auth");
        assertRejected(mvc, fixtures, post("/api/v1/datasets").with(as("steward"))
                .contentType(MediaType.APPLICATION_JSON).content(validBody(Fixtures.newSlug("st"))), 403);
        assertRejected(mvc, fixtures, get("/api/v1/datasets/{n}", dataset.name()).with(as("researcher")), 404);
        assertRejected(mvc, fixtures, get("/api/v1/datasets/{n}", "no-such-one").with(as("admin")), 404, "name");
        assertRejected(mvc, fixtures, get("/api/v1/datasets").with(as("pi")), 403);
    }

    static String validBody(String name) {
        return """
                {"name": "%s", "owner": "CHU", "tier": "pseudonymised", "disclosure": {"minimumCellCount": 11},
                 "source": {"kind": "nfs", "server": "10.0.0.1", "path": "/exports/x"}}""".formatted(name);
    }

    private MockHttpServletRequestBuilder register(String body) {
        return post("/api/v1/datasets").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder retire(String name) {
        return post("/api/v1/datasets/{n}/retire", name).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"superseded by the 2026 extract\"}");
    }

    private String ok(int status, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body;
    }
}
