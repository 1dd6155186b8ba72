package eu.enclave.egress.intake;

import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The intake's own listener, beside the people's port ({@code server.port}): workspaces reach only this one (the
 * project's NetworkPolicy allows nothing else), and {@link IntakePortFilter} keeps each port to its own paths. With
 * port 0 the listener takes a free port, which {@link #port()} tells once the server has started.
 */
public class IntakeConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(IntakeConnector.class);

    private final IntakeSettings settings;
    private volatile Connector connector;

    public IntakeConnector(IntakeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector intake = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        intake.setPort(settings.port());
        // the intake's bodies are files, streamed by the controller: nothing is parsed as a form
        intake.setMaxPostSize(0);
        intake.setMaxSavePostSize(0);
        // "100 Continue" only once the controller starts reading: a client that sends "Expect: 100-continue" learns
        // of a refusal made from the headers (token, name, size, limits) before it sends any byte of the file
        intake.setProperty("continueResponseTiming", "onRead");
        // an encoded '/' or '\' reaches the application's firewall, which refuses it with a problem response (Tomcat's
        // own refusal is an HTML page the CLI cannot read)
        intake.setEncodedSolidusHandling("passthrough");
        intake.setEncodedReverseSolidusHandling("passthrough");
        factory.addAdditionalConnectors(intake);
        factory.addContextCustomizers(context -> ApiErrorReportValve.install(context.getParent()));
        this.connector = intake;
    }

    /** The port the intake listens on; -1 before the server started (or when no server runs, as under MockMvc). */
    public int port() {
        Connector current = connector;
        return current == null ? -1 : current.getLocalPort();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (connector != null && event.getApplicationContext().getParent() == null) {
            log.info("Intake API (workspaces only, egress token) listening on port {}", port());
        }
    }

    boolean isIntake(int localPort) {
        int port = port();
        return port > 0 && port == localPort;
    }
}
