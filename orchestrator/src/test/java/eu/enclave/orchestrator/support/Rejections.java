package eu.enclave.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Asserts how the API refuses a request: status, a problem response naming the fields, and nothing written. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Performs the request and asserts that it is refused with {@code status}, as {@code application/problem+json}
     * whose {@code errors} name every one of {@code fields}, and that no project, membership, dataset, approval or
     * audit entry was written.
     *
     * @return the response body, for further assertions
     */
    public static String assertRejected(MockMvc mvc, Fixtures fixtures, MockHttpServletRequestBuilder request,
                                        int status, String... fields) throws Exception {
        Fixtures.Snapshot before = fixtures.snapshot();
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(result.getResponse().getStatus()).as("status; body: %s", body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).as("content type; body: %s", body)
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(status);
        if (fields.length > 0) {
            List<String> named = JsonPath.read(body, "$.errors[*].field");
            assertThat(named).as("fields named in errors; body: %s", body).contains(fields);
        }
        assertThat(body).as("no internal detail leaks").doesNotContainIgnoringCase("exception")
                .doesNotContain("org.springframework").doesNotContain("SQL");
        assertThat(fixtures.snapshot()).as("a refused request writes nothing: projects, memberships, quotas, mirrors, audit head, datasets")
                .isEqualTo(before);
        return body;
    }
}
