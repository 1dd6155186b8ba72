package eu.enclave.orchestrator.cluster.settings;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Quota and mirror replacements that must be refused, by status and field, without writing anything. */
@OrchestratorApiTest
class ClusterSettingsBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "cpu|\"lots\"", "cpu|\"0\"", "cpu|\"-2\"", "cpu|\"1025\"", "cpu|\"1e3\"", "cpu|\"0.0001\"", "cpu|null",
            "memory|\"64GB\"", "memory|\"17Ti\"", "memory|\"500m\"", "memory|\"0Gi\"", "memory|\"\"",
            "storage|\"2Pi\"", "storage|\"1 Ti\"", "storage|null",
            "gpus|-1", "gpus|65", "gpus|null", "pods|0", "pods|1001", "pvcs|0", "pvcs|1001", "pvcs|null"})
    void quotaValueOutOfRule(String field, String value) throws Exception {
        String body = ClusterSettingsApiTest.QUOTA.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9]+)",
                "\"" + field + "\": " + value);
        assertThat(body).contains("\"" + field + "\": " + value);
        assertRejected(mvc, fixtures, quota(fixtures.draftProject("qb").slug(), body), 400, field);
    }

    @Test
    void quotaFieldMissing() throws Exception {
        assertRejected(mvc, fixtures, quota(fixtures.draftProject("qb").slug(), "{\"cpu\": \"4\"}"), 400,
                "memory", "gpus", "pods", "pvcs", "storage");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "cidr|\"0.0.0.0/0\"", "cidr|\"::/0\"", "cidr|\"10.0.0.0/7\"", "cidr|\"2001:db8::/31\"",
            "cidr|\"127.0.0.1\"", "cidr|\"::1\"", "cidr|\"169.254.169.254\"", "cidr|\"fe80::1/64\"",
            "cidr|\"10.0.0.1/24\"", "cidr|\"cran.example.org\"", "cidr|\"10.0.0.300\"", "cidr|null",
            "name|\"PyPI\"", "name|\"cran\"", "name|\"-x\"", "name|null", "port|0", "port|65536", "port|null",
            "hostname|\"bad_host\"", "hostname|\"mirror.example.\"", "hostname|\"10.0.0.2\""})
    void secondMirrorOutOfRule(String field, String value) throws Exception {
        String second = "{\"name\": \"pypi\", \"cidr\": \"10.0.0.2\", \"port\": 443, \"hostname\": \"pypi.internal\"}"
                .replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9]+)", "\"" + field + "\": " + value);
        String body = "{\"mirrors\": [{\"name\": \"cran\", \"cidr\": \"10.0.0.1\", \"port\": 443}, " + second + "]}";
        assertRejected(mvc, fixtures, mirrors(fixtures.draftProject("mb").slug(), body), 400,
                "mirrors[1]." + field);
    }

    @Test
    void tooManyMirrors() throws Exception {
        String many = IntStream.range(0, 21)
                .mapToObj(i -> "{\"name\": \"m" + i + "\", \"cidr\": \"10.0.0." + (i + 1) + "\", \"port\": 443}")
                .collect(Collectors.joining(", ", "{\"mirrors\": [", "]}"));
        assertRejected(mvc, fixtures, mirrors(fixtures.draftProject("mb").slug(), many), 400, "mirrors");
    }

    @Test
    void missingList() throws Exception {
        assertRejected(mvc, fixtures, mirrors(fixtures.draftProject("mb").slug(), "{}"), 400, "mirrors");
        assertRejected(mvc, fixtures, mirrors(fixtures.draftProject("mb").slug(), "{\"mirrors\": [null]}"), 400,
                "mirrors[0]");
    }

    @Test
    void archivedProjectsKeepTheirSettings() throws Exception {
        String slug = fixtures.projectInStatus("qa", ProjectStatus.ARCHIVED).slug();
        assertRejected(mvc, fixtures, quota(slug, ClusterSettingsApiTest.QUOTA), 409, "status");
        assertRejected(mvc, fixtures, mirrors(slug, ClusterSettingsApiTest.MIRRORS), 409, "status");
    }

    @Test
    void nonAdminsAreRefusedBeforeTheirInputIsJudged() throws Exception {
        String slug = fixtures.draftProject("qn").slug();
        assertRejected(mvc, fixtures, json("quota", slug, "{\"cpu\": \"x\"}", "pi"), 403);
        assertRejected(mvc, fixtures, json("mirrors", slug, "{\"mirrors\": [{}]}", "steward"), 403);
        assertRejected(mvc, fixtures, json("mirrors", slug, ClusterSettingsApiTest.MIRRORS, "outsider"), 404,
                "slug");
    }

    private static MockHttpServletRequestBuilder quota(String slug, String body) {
        return json("quota", slug, body, "admin");
    }

    private static MockHttpServletRequestBuilder mirrors(String slug, String body) {
        return json("mirrors", slug, body, "admin");
    }

    private static MockHttpServletRequestBuilder json(String what, String slug, String body, String username) {
        return put("/api/v1/projects/{s}/" + what, slug).with(as(username)).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
