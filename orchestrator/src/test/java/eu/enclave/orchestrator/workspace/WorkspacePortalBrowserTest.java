package eu.enclave.orchestrator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The researcher creates, stops and starts a workspace in the demo project in a real headless Chromium and sees
 * its status change without reloading the page. The one test that relies on {@code SimulatedWorkloads}: on the
 * simulated cluster, it plays the kubelet. Skipped without Chromium, as {@code PortalBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "enclave.workspaces.simulated-workloads=true")
class WorkspacePortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    private static final Duration FIND_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

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
        String reason = "Workspace browser test needs " + missing + " (apt-get install chromium chromium-driver)";
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
    void researcherCreatesStopsAndStartsAWorkspaceAndSeesItsStatusChange() throws IOException {
        String name = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            browser.get("http://localhost:" + port + "/login");
            element("username").sendKeys("researcher");
            element("password").sendKeys("demo");
            element("sign-in").click();
            browser.get("http://localhost:" + port + "/projects/demo");
            element("open-workspaces").click();
            assertThat(element("workspaces-title").getText()).isEqualTo("Workspaces");

            element("workspace-name").sendKeys(name);
            element("create-workspace-submit").click();
            assertThat(element("notice").getText()).contains("Workspace " + name + " created");
            awaitStatusWithoutReload(name, "running", "Running");
            snap("ws-01-running");

            element("stop-" + name).click();
            assertThat(element("notice").getText()).contains(name + " is stopping");
            awaitStatusWithoutReload(name, "stopped", "Stopped");
            assertThat(element("start-" + name).isEnabled()).isTrue();
            assertThat(element("stop-" + name).isEnabled()).isFalse();
            snap("ws-02-stopped");

            element("start-" + name).click();
            awaitStatusWithoutReload(name, "running", "Running");
            assertThat(element("stop-" + name).isEnabled()).isTrue();
            snap("ws-03-running-again");
        } catch (AssertionError | RuntimeException e) {
            snap("ws-failure");
            Files.writeString(ARTIFACTS.resolve("ws-failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
            throw e;
        }
    }

    /** Marks the loaded page, waits for the status, and checks the mark survived: the page was not reloaded. */
    private void awaitStatusWithoutReload(String name, String status, String label) {
        JavascriptExecutor js = browser;
        js.executeScript("window.enclaveTestMark = 'same page';");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        WebElement badge = element("status-" + name);
        while (!status.equals(badge.getDomAttribute("data-status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status of " + name + " still " + badge.getDomAttribute("data-status"));
            }
            sleep();
        }
        assertThat(badge.getText()).isEqualTo(label);
        assertThat(js.executeScript("return window.enclaveTestMark;")).as("no reload").isEqualTo("same page");
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void snap(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
