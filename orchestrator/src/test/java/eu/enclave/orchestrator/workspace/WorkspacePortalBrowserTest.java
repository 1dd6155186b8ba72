package eu.enclave.orchestrator.workspace;

import static eu.enclave.orchestrator.support.HeadlessChromium.live;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.support.HeadlessChromium;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
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

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium("Workspace browser test");

    @LocalServerPort
    int port;

    @Test
    void researcherCreatesStopsAndStartsAWorkspaceAndSeesItsStatusChange() throws IOException {
        String name = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            browser.driver().get("http://localhost:" + port + "/login");
            browser.element("username").sendKeys("researcher");
            browser.element("password").sendKeys("demo");
            browser.element("sign-in").click();
            browser.driver().get("http://localhost:" + port + "/projects/demo");
            browser.element("open-workspaces").click();
            assertThat(browser.element("workspaces-title").getText()).isEqualTo("Workspaces");

            browser.element("workspace-name").sendKeys(name);
            browser.element("create-workspace-submit").click();
            assertThat(live(() -> browser.element("notice").getText())).contains("Workspace " + name + " created");
            awaitStatusWithoutReload(name, "running", "Running");
            browser.snap("ws-01-running");

            browser.element("stop-" + name).click();
            assertThat(live(() -> browser.element("notice").getText())).contains(name + " is stopping");
            awaitStatusWithoutReload(name, "stopped", "Stopped");
            assertThat(live(() -> browser.element("start-" + name).isEnabled())).isTrue();
            assertThat(live(() -> browser.element("stop-" + name).isEnabled())).isFalse();
            browser.snap("ws-02-stopped");

            browser.element("start-" + name).click();
            awaitStatusWithoutReload(name, "running", "Running");
            assertThat(live(() -> browser.element("stop-" + name).isEnabled())).isTrue();
            browser.snap("ws-03-running-again");
        } catch (AssertionError | RuntimeException e) {
            browser.recordFailure("ws-failure");
            throw e;
        }
    }

    /** Marks the loaded page, waits for the status, and checks the mark survived: the page was not reloaded. */
    private void awaitStatusWithoutReload(String name, String status, String label) {
        JavascriptExecutor js = browser.driver();
        js.executeScript("window.enclaveTestMark = 'same page';");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String shown;
        while (!status.equals(shown = live(() -> browser.element("status-" + name).getDomAttribute("data-status")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status of " + name + " still " + shown);
            }
            sleep();
        }
        assertThat(live(() -> browser.element("status-" + name).getText())).isEqualTo(label);
        assertThat(js.executeScript("return window.enclaveTestMark;")).as("no reload").isEqualTo("same page");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
