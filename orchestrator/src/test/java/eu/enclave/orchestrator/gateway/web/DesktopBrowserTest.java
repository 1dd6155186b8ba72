package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.gateway.DesktopProtocol;
import eu.enclave.orchestrator.gateway.GuacdTestPeer;
import eu.enclave.orchestrator.gateway.PeerBackedGatewayTest;
import eu.enclave.orchestrator.gateway.TestDesktopWorkspaces;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desktop page in a real headless Chromium running Apache's guacamole-common-js against the guacd test peer:
 * the status reaches "connected", the frame the peer draws is on screen (screenshot kept in
 * {@code target/test-artifacts/}), the mouse reaches guacd, and a refusal shows its reason. Skipped without
 * Chromium and chromedriver, unless {@code CI=true}.
 */
class DesktopBrowserTest extends PeerBackedGatewayTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestDesktopWorkspaces workspaces;

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
        String reason = "Desktop browser test needs " + missing + " (Debian: apt-get install chromium chromium-driver)";
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
                "--user-data-dir=" + profile, "--window-size=1024,700", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(WAIT);
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
    void theOwnerSeesTheDesktopConnectedWithTheFrameDrawnAndTheWatermark() throws Exception {
        Project project = fixtures.activeProject("gwb");
        workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC, "pw-browser");
        int before = PEER.connectionCount();
        signIn("researcher");

        browser.get(desktopUrl(project.slug(), "desk"));
        WebElement status = browser.findElement(By.id("desktop-status"));
        Awaitility.await().atMost(WAIT).until(() -> "connected".equals(status.getDomAttribute("data-state")));
        assertThat(status.getText()).isEqualTo("Connected");
        assertThat(PEER.connectionCount()).isEqualTo(before + 1);
        GuacdTestPeer.Connection guacd = PEER.last();
        assertThat(guacd.handshake.get("size")).hasSize(3);

        // the peer's frame is drawn: the display holds a canvas of the peer's size
        Awaitility.await().atMost(WAIT).until(() -> ((Number) browser.executeScript(
                "var c = document.querySelector('#display canvas'); return c ? c.width : 0;")).intValue()
                == GuacdTestPeer.FRAME_WIDTH);
        Object pixel = browser.executeScript("var c = document.querySelector('#display canvas');"
                + " var d = c.getContext('2d').getImageData(100, 100, 1, 1).data; return [d[0], d[1], d[2]];");
        assertThat(pixel.toString()).isEqualTo("[240, 200, 40]");
        assertThat(browser.findElement(By.id("watermark")).getText()).contains("Rémi Researcher");
        Files.write(ARTIFACTS.resolve("desktop-01-connected.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("display")).click();
        assertThat(guacd.awaitInstruction("mouse", 10_000)).isNotNull();
        String page = browser.getPageSource();
        assertThat(page).doesNotContain("pw-browser").doesNotContain(Integer.toString(PEER.port()));
    }

    @Test
    void aRefusedDesktopShowsWhyAndDoesNotRetry() throws Exception {
        Project project = fixtures.activeProject("gwb");
        workspaces.register(project, "stopped", fixtures.user("researcher"), false, DesktopProtocol.VNC, "pw-x");
        int before = PEER.connectionCount();
        signIn("researcher");

        browser.get(desktopUrl(project.slug(), "stopped"));
        WebElement status = browser.findElement(By.id("desktop-status"));
        Awaitility.await().atMost(WAIT).until(() -> "disconnected".equals(status.getDomAttribute("data-state")));
        assertThat(status.getText()).isEqualTo("Disconnected — the workspace is not running.");
        Files.write(ARTIFACTS.resolve("desktop-02-refused.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(PEER.connectionCount()).isEqualTo(before);
    }

    @Test
    void aDesktopThatCannotBeReachedSaysSoAtOnceAndIsNotRetried() throws Exception {
        Project project = fixtures.activeProject("gwb");
        workspaces.register(project, "lost", fixtures.user("researcher"), true, DesktopProtocol.VNC, "pw-lost",
                GuacdTestPeer.UNREACHABLE_HOST, 5901);
        signIn("researcher");
        int before = PEER.connectionCount();
        long audit = fixtures.auditHead();

        browser.get(desktopUrl(project.slug(), "lost"));
        WebElement status = browser.findElement(By.id("desktop-status"));
        Awaitility.await().atMost(WAIT).until(() -> !"connecting".equals(status.getDomAttribute("data-state")));
        assertThat(status.getDomAttribute("data-state")).as("no reconnection attempt").isEqualTo("disconnected");
        assertThat(status.getText()).isEqualTo("Disconnected — the desktop could not be reached.");
        Files.write(ARTIFACTS.resolve("desktop-03-unreachable.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(PEER.connectionCount()).isEqualTo(before + 1);
        assertThat(fixtures.auditAfter(audit)).filteredOn(e -> e.action().startsWith("desktop."))
                .extracting(e -> e.action()).containsExactly("desktop.refused");
    }

    private String desktopUrl(String slug, String workspace) {
        return "http://localhost:" + port + "/projects/" + slug + "/workspaces/" + workspace + "/desktop";
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("current-user")).getText()).isNotBlank();
    }
}
