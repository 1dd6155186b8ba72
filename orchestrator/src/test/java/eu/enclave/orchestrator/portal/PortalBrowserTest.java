package eu.enclave.orchestrator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import eu.enclave.orchestrator.cluster.web.ClusterStatusStreams;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.identity.UserDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    /** How long an element may take to appear after a navigation; a wait, not an assertion on speed. */
    private static final Duration FIND_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    UserDirectory users;
    @Autowired
    ClusterStatusStreams streams;

    private ChromeDriverService service;
    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    static void browserIsInstalled() {
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing == null) {
            return;
        }
        String reason = "Portal browser test needs " + missing + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; CI=true, so it may not be skipped.");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        Files.createDirectories(ARTIFACTS);
        profile = Files.createTempDirectory("enclave-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1200", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(FIND_WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void adminCreatesAProjectAndAddsAResearcherWhoThenOpensIt() throws IOException {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Sepsis outcomes " + slug;
        try {
            // The admin signs in and creates a project through the form, first with a slug that is refused.
            signIn("admin");
            assertThat(element("current-user").getText()).contains("Alice Admin");
            assertThat(element("demo-banner").getText()).contains("DEMO MODE");
            snap("01-projects-admin");

            element("new-project").click();
            type("slug", "Sepsis 2026");
            type("title", title);
            type("description", "Outcomes of sepsis in adult intensive care, 2015–2025.");
            type("legalBasis", "CNIL DR-2026-042");
            type("impactAssessment", "DPIA-2026-007");
            setDate("startDate", LocalDate.now());
            setDate("endDate", LocalDate.now().plusYears(2));
            element("create-project").click();
            assertThat(element("slug-error").getText()).contains("lower-case letters, digits and hyphens");
            assertThat(element("title").getDomProperty("value")).isEqualTo(title);
            snap("02-new-project-error");

            element("slug").clear();
            type("slug", slug);
            element("create-project").click();
            assertThat(element("notice").getText()).contains("Project " + slug + " created.");
            assertThat(element("project-status").getText()).isEqualTo("Draft");

            // It is on "my projects"; the admin opens it from there and adds the researcher.
            element("nav-projects").click();
            element("project-" + slug).click();
            assertThat(element("project-title").getText()).isEqualTo(title);
            type("member-username", "researcher");
            browser.findElement(By.cssSelector("#member-role option[value='researcher']")).click();
            element("add-member-submit").click();
            assertThat(element("notice").getText()).contains("Rémi Researcher added as Researcher.");
            assertThat(browser.findElement(By.cssSelector("#members tr[data-username='researcher']")).getText())
                    .contains("Researcher").contains("Active");
            snap("03-project-admin");

            element("nav-audit").click();
            element("verify").click();
            assertThat(element("verification-intact").getText()).isEqualTo("The chain is intact.");
            snap("04-audit-verified");

            // The researcher signs in, finds the project and opens it.
            element("sign-out").click();
            assertThat(element("login-logout").getText()).contains("signed out");
            signIn("researcher");
            List<String> slugs = browser.findElements(By.cssSelector("#projects tbody tr")).stream()
                    .map(row -> row.getDomAttribute("data-slug")).toList();
            assertThat(slugs).contains("demo", slug);
            snap("05-projects-researcher");
            element("project-" + slug).click();
            assertThat(element("project-title").getText()).isEqualTo(title);
            assertAbsent("add-member-form");
            assertAbsent("status-actions");
            snap("06-project-researcher");

            // Once in French: the choice sticks for the next page.
            element("lang-fr").click();
            assertThat(element("members-heading").getText()).isEqualTo("Membres");
            assertThat(element("demo-banner").getText()).contains("MODE DÉMO — pas pour des données réelles");
            element("nav-projects").click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mes projets");
            element("project-" + slug).click();
            assertThat(element("project-status").getText()).isEqualTo("Brouillon");
            snap("07-project-researcher-fr");
        } catch (AssertionError | RuntimeException e) {
            snap("failure");
            Files.writeString(ARTIFACTS.resolve("failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
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
            browser.get("http://localhost:" + port + "/projects/" + slug);
            assertThat(element("cluster-state").getText()).isEqualTo("Not on the cluster");
            assertThat(element("simulated-cluster").getText()).isEqualTo("Simulated cluster (in-process, nothing runs)");
            waitFor("the status stream to open", () -> streams.openStreams() > 0);
            JavascriptExecutor script = (JavascriptExecutor) browser;
            script.executeScript("window.enclaveSamePage = 'still here';");
            snap("08-cluster-status-draft");

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
                    element("cluster-status-content").getDomAttribute("data-state")));
            assertThat(element("cluster-state").getText()).isEqualTo("Ready");
            assertThat(browser.findElement(By.cssSelector("#cluster-objects tr[data-object='NetworkPolicy/default-deny']"))
                    .getText()).contains("Created");
            assertThat(element("cluster-reconciled-at").getText()).isNotBlank().isNotEqualTo("Not yet");
            assertThat(script.executeScript("return window.enclaveSamePage;")).as("the page was not reloaded")
                    .isEqualTo("still here");
            assertThat(element("project-status").getText()).as("the rest of the page is as loaded").isEqualTo("Draft");
            snap("09-cluster-status-ready-live");
        } catch (AssertionError | RuntimeException e) {
            snap("failure-live-status");
            Files.writeString(ARTIFACTS.resolve("failure-live-status.html"), browser.getPageSource(),
                    StandardCharsets.UTF_8);
            throw e;
        }
    }

    /** Waits for something the browser or the server does on its own, checking every 100 ms. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + FIND_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("Waited " + FIND_WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        type("username", username);
        type("password", "demo");
        element("sign-in").click();
        assertThat(element("current-user").getText()).isNotBlank();
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    /** Called once the page is loaded: looks without waiting for the element to appear. */
    private void assertAbsent(String id) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            assertThat(browser.findElements(By.id(id))).as("#%s", id).isEmpty();
        } finally {
            browser.manage().timeouts().implicitlyWait(FIND_WAIT);
        }
    }

    private void type(String id, String text) {
        element(id).sendKeys(text);
    }

    /** Typing into a date input depends on the browser's locale; setting its value does not. */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", element(id),
                date.toString());
    }

    private void snap(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
