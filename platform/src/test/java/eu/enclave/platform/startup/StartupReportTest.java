package eu.enclave.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.security.DemoProperties;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** The startup report prints what a service's notices have to say, read when it is ready, under ATTENTION. */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTest {

    @Test
    void aNoticeIsPrintedUnderAttentionAndAnEmptyOneIsNot(CapturedOutput output) {
        DemoProperties demo = new DemoProperties(false, null, null);
        StartupReport report = new StartupReport(demo, () -> List.of(
                () -> Optional.of("Kubernetes: nothing is being applied to the cluster: no replica can lead"),
                Optional::empty));

        report.ready(readyEvent());

        assertThat(output.getOut()).contains("ATTENTION: Kubernetes: nothing is being applied to the cluster")
                .containsOnlyOnce("ATTENTION");
    }

    private static ApplicationReadyEvent readyEvent() {
        ConfigurableApplicationContext context = Mockito.mock(ConfigurableApplicationContext.class);
        Mockito.when(context.getEnvironment()).thenReturn(new MockEnvironment());
        return new ApplicationReadyEvent(new SpringApplication(), new String[0], context, null);
    }
}
