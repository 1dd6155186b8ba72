package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Until a checks engine is installed, files are "not checked" (review, never pass); once one is, it alone runs. */
class CheckerFallbackTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CheckerFallbackAutoConfiguration.class));

    @Test
    void withoutAnEngineEveryFileIsLeftToAReviewer() {
        runner.run(context -> {
            OutputChecker checker = context.getBean(OutputChecker.class);
            assertThat(checker).isInstanceOf(NotCheckedOutputChecker.class);
            Map<String, FileCheckResult> results = checker.check("demo", List.of(
                    new CheckedFile("1", "g", "a.csv", 3, false, () -> null),
                    new CheckedFile("2", "g", "b.png", 3, true, () -> null)), DisclosurePolicy.DEFAULT, "sha256:x");
            assertThat(results.values()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(CheckStatus.REVIEW);
                assertThat(r.findings()).extracting(Finding::ruleId).containsExactly(NotCheckedOutputChecker.RULE);
                assertThat(r.policyHash()).isEqualTo("sha256:x");
            });
            assertThat(checker.detectType(new byte[] {1, 2, 3})).isEqualTo("unknown");
            assertThat(checker.screenText("1 84 12 75 123 456 78", DisclosurePolicy.DEFAULT)).isEmpty();
        });
    }

    @Test
    void anInstalledEngineReplacesIt() {
        OutputChecker engine = new NotCheckedOutputChecker() {
            @Override
            public String engineVersion() {
                return "engine-1";
            }
        };
        runner.withBean("engine", OutputChecker.class, () -> engine).run(context -> {
            assertThat(context.getBeansOfType(OutputChecker.class)).hasSize(1);
            assertThat(context.getBean(OutputChecker.class).engineVersion()).isEqualTo("engine-1");
        });
    }
}
