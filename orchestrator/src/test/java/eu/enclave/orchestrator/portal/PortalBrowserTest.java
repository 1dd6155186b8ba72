package eu.enclave.orchestrator.portal;

import static eu.enclave.orchestrator.support.HeadlessChromium.live;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.web.ClusterStatusStreams;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.support.HeadlessChromium;
import eu.enclave.platform.identity.UserDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The portal end to end in a real headless Chromium: an admin creates a project through the form and adds a
 * researcher, who then finds and opens it, in English and once in French; a project page's cluster status
 * turns Ready without a reload when the project is activated elsewhere. Screenshots of each step go to
 * {@code target/test-artifacts/}. Without Chromium and chromedriver the test is skipped, unless {@code CI=true},
 * where it fails: a CI machine must have the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // same context as PortalPagesTest: one server and one database for both
class PortalBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium("Portal browser test");

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    UserDirectory users;
    @Autowired
    ClusterStatusStreams streams;

    @Test
    void adminCreatesAProjectAndAddsAResearcherWhoThenOpensIt() throws IOException {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Sepsis outcomes " + slug;
        try {
            // The admin signs in and creates a project through the form, first with a slug that is refused.
            signIn("admin");
            assertThat(browser.element("current-user").getText()).contains("Alice Admin");
            assertThat(browser.element("demo-banner").getText()).contains("DEMO MODE");
            browser.snap("01-projects-admin");

            browser.element("new-project").click();
            type("slug", "Sepsis 2026");
            type("title", title);
            type("description", "Outcomes of sepsis in adult intensive care, 2015–2025.");
            type("legalBasis", "CNIL DR-2026-042");
            type("impactAssessment", "DPIA-2026-007");
            setDate("startDate", LocalDate.now());
            setDate("endDate", LocalDate.now().plusYears(2));
            browser.element("create-project").click();
            assertThat(browser.element("slug-error").getText()).contains("lower-case letters, digits and hyphens");
            assertThat(browser.element("title").getDomProperty("value")).isEqualTo(title);
            browser.snap("02-new-project-error");

            browser.element("slug").clear();
            type("slug", slug);
            browser.element("create-project").click();
            assertThat(browser.element("notice").getText()).contains("Project " + slug + " created.");
            assertThat(browser.element("project-status").getText()).isEqualTo("Draft");

            // It is on "my projects"; the admin opens it from there and adds the researcher.
            browser.element("nav-projects").click();
            browser.element("project-" + slug).click();
            assertThat(browser.element("project-title").getText()).isEqualTo(title);
            type("member-username", "researcher");
            browser.driver().findElement(By.cssSelector("#member-role option[value='researcher']")).click();
            browser.element("add-member-submit").click();
            assertThat(browser.element("notice").getText()).contains("Rémi Researcher added as Researcher.");
            assertThat(browser.driver().findElement(By.cssSelector("#members tr[data-username='researcher']"))
                    .getText()).contains("Researcher").contains("Active");
            browser.snap("03-project-admin");

            browser.element("nav-audit").click();
            browser.element("verify").click();
            assertThat(browser.element("verification-intact").getText()).isEqualTo("The chain is intact.");
            browser.snap("04-audit-verified");

            // The researcher signs in, finds the project and opens it.
            browser.element("sign-out").click();
            assertThat(browser.element("login-logout").getText()).contains("signed out");
            signIn("researcher");
            List<String> slugs = browser.driver().findElements(By.cssSelector("#projects tbody tr")).stream()
                    .map(row -> row.getDomAttribute("data-slug")).toList();
            assertThat(slugs).contains("demo", slug);
            browser.snap("05-projects-researcher");
            browser.element("project-" + slug).click();
            assertThat(browser.element("project-title").getText()).isEqualTo(title);
            assertAbsent("add-member-form");
            assertAbsent("status-actions");
            browser.snap("06-project-researcher");

            // Once in French: the choice sticks for the next page.
            browser.element("lang-fr").click();
            assertThat(browser.element("members-heading").getText()).isEqualTo("Membres");
            assertThat(browser.element("demo-banner").getText())
                    .contains("MODE DÉMO — pas pour des données réelles");
            browser.element("nav-projects").click();
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Mes projets");
            browser.element("project-" + slug).click();
            assertThat(browser.element("project-status").getText()).isEqualTo("Brouillon");
            browser.snap("07-project-researcher-fr");
        } catch (AssertionError | RuntimeException e) {
            browser.recordFailure("failure");
            throw e;
        }
    }

    @Test
    void theClusterStatusBlockTurnsReadyWithoutAReloadWhenTheProjectIsActivated() throws Exception {
        String slug = "live-" + UUID.randomUUID().toString().substring(0, 8);
        projects.create(users.findByUsername("admin").orElseThrow(), new ProjectDraft(slug, "Live status " + slug, "",
                "MR-004", "", LocalDate.now(), LocalDate.now().plusYears(1), null));
        try {
            signIn("admin");
            browser.driver().get("http://localhost:" + port + "/projects/" + slug);
            assertThat(browser.element("cluster-state").getText()).isEqualTo("Not on the cluster");
            assertThat(browser.element("simulated-cluster").getText())
                    .isEqualTo("Simulated cluster (in-process, nothing runs)");
            waitFor("the status stream to open", () -> streams.openStreams() > 0);
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            script.executeScript("window.enclaveSamePage = 'still here';");
            browser.snap("08-cluster-status-draft");

            // Activated through the API, by another client: the open page is told and updates its block alone.
            HttpResponse<String> activated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/projects/" + slug + "/status"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"active\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

            waitFor("the block to show Ready", () -> "READY".equals(
                    live(() -> browser.element("cluster-status-content").getDomAttribute("data-state"))));
            assertThat(live(() -> browser.element("cluster-state").getText())).isEqualTo("Ready");
            assertThat(live(() -> browser.driver()
                    .findElement(By.cssSelector("#cluster-objects tr[data-object='NetworkPolicy/default-deny']"))
                    .getText())).contains("Created");
            assertThat(live(() -> browser.element("cluster-reconciled-at").getText())).isNotBlank()
                    .isNotEqualTo("Not yet");
            assertThat(script.executeScript("return window.enclaveSamePage;")).as("the page was not reloaded")
                    .isEqualTo("still here");
            assertThat(browser.element("project-status").getText()).as("the rest of the page is as loaded")
                    .isEqualTo("Draft");
            browser.snap("09-cluster-status-ready-live");
        } catch (AssertionError | RuntimeException e) {
            browser.recordFailure("failure-live-status");
            throw e;
        }
    }

    /** Waits for something the browser or the server does on its own, checking every 100 ms. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + HeadlessChromium.FIND_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("Waited " + HeadlessChromium.FIND_WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private void signIn(String username) {
        browser.driver().get("http://localhost:" + port + "/login");
        type("username", username);
        type("password", "demo");
        browser.element("sign-in").click();
        assertThat(browser.element("current-user").getText()).isNotBlank();
    }

    /** Called once the page is loaded: looks without waiting for the element to appear. */
    private void assertAbsent(String id) {
        browser.driver().manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            assertThat(browser.driver().findElements(By.id(id))).as("#%s", id).isEmpty();
        } finally {
            browser.driver().manage().timeouts().implicitlyWait(HeadlessChromium.FIND_WAIT);
        }
    }

    private void type(String id, String text) {
        browser.element(id).sendKeys(text);
    }

    /** Typing into a date input depends on the browser's locale; setting its value does not. */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.element(id),
                date.toString());
    }
}
