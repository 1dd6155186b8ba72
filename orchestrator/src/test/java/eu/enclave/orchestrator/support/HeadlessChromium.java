package eu.enclave.orchestrator.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A fresh headless Chromium (English, own throw-away profile) for each test of a browser test class, registered as
 * a static {@code @RegisterExtension} field. Without Chromium and chromedriver the class is skipped, unless
 * {@code CI=true}, where it fails: a CI machine must have the browser. Screenshots go to
 * {@code target/test-artifacts/}.
 */
public final class HeadlessChromium implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    /** How long an element may take to appear after a navigation; a wait, not an assertion on speed. */
    public static final Duration FIND_WAIT = Duration.ofSeconds(15);

    private final String testName;
    private ChromeDriverService service;
    private ChromeDriver browser;
    private Path profile;

    /** @param testName names the test in the skip or failure message when the browser is missing */
    public HeadlessChromium(String testName) {
        this.testName = testName;
    }

    public ChromeDriver driver() {
        return browser;
    }

    public WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    /**
     * Reads from a part of the page that its script renders again (live status): an element found just before a
     * new rendering is stale when read, so the read is retried on the new one.
     */
    public static <T> T live(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public void snap(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot and the page source, named {@code name}, for a failed test. */
    public void recordFailure(String name) throws IOException {
        snap(name);
        Files.writeString(ARTIFACTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing == null) {
            return;
        }
        String reason = testName + " needs " + missing + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; CI=true, so it may not be skipped.");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
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

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (service != null) {
            service.stop();
            service = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }
}
