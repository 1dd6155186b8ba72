package eu.enclave.orchestrator.cluster.web;

import static eu.enclave.orchestrator.support.HtmlPages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.HtmlPages;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The project page's cluster status block, the block served alone for the live refresh, and the stream that
 * announces changes: what they show, in both languages, and who may open them. Same context as the portal
 * page tests (one server, one database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ClusterStatusPagesTest {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectService projects;
    @Autowired
    ClusterStatusService statuses;
    @Autowired
    ClusterStatusStreams streams;
    @Autowired
    UserDirectory users;

    @AfterEach
    void closeStreams() {
        streams.closeAll();
    }

    @Test
    void aDraftProjectIsShownAsNotOnTheSimulatedCluster() throws Exception {
        String slug = draftProject();

        Document page = page(get("/projects/" + slug).with(user("admin")));

        Element block = page.getElementById("cluster-status");
        assertThat(block).isNotNull();
        assertThat(block.attr("data-block-url")).isEqualTo("/projects/" + slug + "/cluster-status");
        assertThat(block.attr("data-stream-url")).isEqualTo("/projects/" + slug + "/cluster-status/stream");
        assertThat(block.select("script[src=/js/cluster-status.js]")).hasSize(1);
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(text(page, "cluster-state")).isEqualTo("Not on the cluster");
        assertThat(page.getElementById("cluster-status-content").attr("data-state")).isEqualTo("NONE");
        assertThat(text(page, "cluster-namespace")).isEqualTo("enclave-" + slug);
        assertThat(page.getElementById("cluster-no-namespace")).isNotNull();
        assertThat(page.getElementById("cluster-objects")).isNull();
        assertThat(text(page, "cluster-simulated")).isEqualTo("Simulated cluster (in-process, nothing runs)");
        assertThat(text(page, "simulated-cluster")).as("site header").isEqualTo(
                "Simulated cluster (in-process, nothing runs)");
    }

    @Test
    void anActiveProjectShowsReadyTheReconcileTimeInParisAndEachObjectWithItsAction() throws Exception {
        String slug = draftProject();
        projects.changeStatus(person("admin"), slug, ProjectStatus.ACTIVE, null);
        ClusterStatusService.View stored = statuses.status(person("admin"), slug);

        Document page = page(get("/projects/" + slug).with(user("admin")));

        assertThat(text(page, "cluster-state")).isEqualTo("Ready");
        assertThat(page.select("#cluster-state.badge-cluster-ready")).hasSize(1);
        assertThat(page.getElementById("cluster-reason")).isNull();
        assertThat(text(page, "cluster-reconciled-at"))
                .isEqualTo(SHOWN.format(stored.reconciledAt().atZone(ZoneId.of("Europe/Paris"))));
        assertThat(page.select("#cluster-objects tbody tr")).hasSize(stored.objects().size());
        assertThat(page.select("#cluster-objects tr[data-object='NetworkPolicy/default-deny']").text())
                .isEqualTo("NetworkPolicy default-deny Created");

        Document french = page(get("/projects/" + slug + "?lang=fr").with(user("admin")));
        assertThat(text(french, "cluster-state")).isEqualTo("Prêt");
        assertThat(french.select("#cluster-objects tr[data-object='NetworkPolicy/default-deny'] td").last().text())
                .isEqualTo("Créé");
        assertThat(text(french, "simulated-cluster")).isEqualTo("Cluster simulé (dans le processus, rien ne s’exécute)");
    }

    @Test
    void theBlockAloneIsServedForTheLiveRefreshToEveryMemberAndWithoutTheLayout() throws Exception {
        String slug = draftProject();
        projects.changeStatus(person("admin"), slug, ProjectStatus.ACTIVE, null);

        MockHttpServletResponse response = perform(get("/projects/" + slug + "/cluster-status").with(user("pi")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        Document block = Jsoup.parseBodyFragment(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(block.body().children()).hasSize(1);
        assertThat(block.body().child(0).id()).isEqualTo("cluster-status-content");
        assertThat(block.body().child(0).attr("data-state")).isEqualTo("READY");
        assertThat(block.getElementById("site-header")).isNull();
        assertThat(text(block, "cluster-state")).isEqualTo("Ready");
    }

    @Test
    void outsidersGetNotFoundAndAnonymousIsSentToSignIn() throws Exception {
        String slug = draftProject();
        for (String path : new String[] {"/projects/" + slug, "/projects/" + slug + "/cluster-status",
            "/projects/" + slug + "/cluster-status/stream"}) {
            assertThat(perform(get(path).with(user("reviewer"))).getStatus()).as("reviewer, %s", path).isEqualTo(404);
            assertThat(perform(get(path).with(user("researcher"))).getStatus()).as("researcher, %s", path)
                    .isEqualTo(404);
            MockHttpServletResponse anonymous = perform(get(path));
            assertThat(anonymous.getStatus()).as("anonymous, %s", path).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        }
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void theStreamAnnouncesTheActivationAndTheSavedStatusThenEndsCleanly() throws Exception {
        String slug = draftProject();
        MvcResult stream = mvc.perform(get("/projects/" + slug + "/cluster-status/stream").with(user("pi"))
                .header("Accept", "text/event-stream")).andReturn();
        assertThat(stream.getRequest().isAsyncStarted()).isTrue();
        assertThat(streams.openStreams()).isEqualTo(1);

        projects.changeStatus(person("admin"), slug, ProjectStatus.ACTIVE, null);
        streams.heartbeat();

        String sent = awaitSent(stream, ":heartbeat\n\n");
        assertThat(sent).contains("event:cluster-status\ndata:{\"project\":\"" + slug + "\",\"state\":\"\"}\n\n")
                .contains("event:cluster-status\ndata:{\"project\":\"" + slug + "\",\"state\":\"READY\"}\n\n")
                .contains(":heartbeat\n\n");
        assertThat(stream.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");

        streams.closeAll();
        MockHttpServletResponse ended = mvc.perform(asyncDispatch(stream)).andReturn().getResponse();
        assertThat(ended.getStatus()).isEqualTo(200);
        assertThat(ended.getContentType()).startsWith("text/event-stream");
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void aStreamWhoseReaderLeftIsDropped() throws Exception {
        String slug = draftProject();
        MvcResult stream = mvc.perform(get("/projects/" + slug + "/cluster-status/stream").with(user("admin")))
                .andReturn();
        assertThat(streams.openStreams()).isEqualTo(1);

        // What the servlet container reports when the browser closes the connection.
        MockAsyncContext async = (MockAsyncContext) stream.getRequest().getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onError(new AsyncEvent(async, new IOException("Broken pipe")));
        }

        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void aStreamHearsOnlyOfItsOwnProject() throws Exception {
        String watched = draftProject();
        String other = draftProject();
        MvcResult stream = mvc.perform(get("/projects/" + watched + "/cluster-status/stream").with(user("admin")))
                .andReturn();

        projects.changeStatus(person("admin"), other, ProjectStatus.ACTIVE, null);
        projects.changeStatus(person("admin"), watched, ProjectStatus.ACTIVE, null);

        // Sent in order: once the watched project's news is there, the other's would have been too.
        assertThat(awaitSent(stream, "\"state\":\"READY\"")).contains(watched).doesNotContain(other);
    }

    @Test
    void aPersonMayHoldOnlySoManyStreamsAndThenGetsTooManyRequests() throws Exception {
        String slug = draftProject();
        for (int i = 0; i < 4; i++) {
            assertThat(mvc.perform(get("/projects/" + slug + "/cluster-status/stream").with(user("pi"))).andReturn()
                    .getRequest().isAsyncStarted()).isTrue();
        }

        MockHttpServletResponse fifth = perform(get("/projects/" + slug + "/cluster-status/stream").with(user("pi")));
        MvcResult someoneElse = mvc.perform(get("/projects/" + slug + "/cluster-status/stream").with(user("admin")))
                .andReturn();

        assertThat(fifth.getStatus()).isEqualTo(429);
        assertThat(someoneElse.getRequest().isAsyncStarted()).isTrue();
        assertThat(streams.openStreams()).isEqualTo(5);
    }

    /** What the stream has sent once it contains {@code expected}: events are written by a thread of their own. */
    private static String awaitSent(MvcResult stream, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String sent = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
        while (!sent.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            sent = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        return sent;
    }

    private String draftProject() {
        String slug = "ls-" + UUID.randomUUID().toString().substring(0, 8);
        projects.create(person("admin"), new ProjectDraft(slug, "Live " + slug, "", "MR-004", "",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), "pi"));
        return slug;
    }

    private CurrentUser person(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private Document page(RequestBuilder request) throws Exception {
        return HtmlPages.render(mvc, request, 200);
    }
}
