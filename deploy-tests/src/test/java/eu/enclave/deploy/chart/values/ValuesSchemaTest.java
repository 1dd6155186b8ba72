package eu.enclave.deploy.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import eu.enclave.deploy.chart.EnclaveChart;
import eu.enclave.platform.testing.GeneratedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json validates every value: each one of values.yaml is described and typed there, every section
 * refuses unknown keys, and Helm refuses bad values with a message naming the value. The README's values table is
 * generated from both files.
 */
class ValuesSchemaTest {

    private static final ValuesSchema SCHEMA = ValuesSchema.load();

    @Test
    void everyValueIsDescribedAndTyped() {
        List<String> problems = new ArrayList<>();
        walk(SCHEMA.root(), ValuesSchema.values(ValuesSchema.DEFAULTS), "", problems);
        walk(SCHEMA.root(), ValuesSchema.values(EnclaveChart.PRODUCTION_VALUES), "", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everySectionRefusesUnknownKeys() {
        List<String> open = new ArrayList<>();
        closed(SCHEMA.root(), "", open);
        assertThat(open).isEmpty();
    }

    @Test
    void theReadmeListsEveryValue() throws IOException {
        GeneratedText.assertBlock("helm/README.md", "<!-- values table: begin -->", "<!-- values table: end -->",
                ValuesTable.generate(SCHEMA, ValuesSchema.values(ValuesSchema.DEFAULTS)), getClass(), "deploy-tests");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("orchestrator:\n  image: {tag: latest}", "/orchestrator/image/tag"),
                Arguments.of("orchestrator:\n  replica: 3", "replica"),
                Arguments.of("orchestrator:\n  cluster: {reconcileInterval: 10m}", "/orchestrator/cluster/reconcileInterval"),
                Arguments.of("oidc:\n  issuerUri: http://idp.example/realms/x", "/oidc/issuerUri"),
                Arguments.of("orchestrator:\n  database: {url: 'postgresql://db/x'}", "/orchestrator/database/url"),
                Arguments.of("internalApi:\n  credentialSecret: Internal_API", "/internalApi/credentialSecret"),
                Arguments.of("egressReview:\n  storage: {kind: nfs}", "/egressReview/storage/kind"),
                Arguments.of("networkPolicy:\n  monitoring:\n    podSelector: {matchLabels: {app.kubernetes.io/name: null}}",
                        "/networkPolicy/monitoring/podSelector/matchLabels"),
                Arguments.of("networkPolicy:\n  vault:\n    to: [{ipBlock: {cidr: 10.0.0.1/32},"
                        + " namespaceSelector: {matchLabels: {a: b}}}]", "/networkPolicy/vault/to/0"),
                Arguments.of("networkPolicy:\n  postgresql:\n    to: [{ipBlock: {cidr: 0.0.0.0/0}}]",
                        "networkPolicy.postgresql.to: 0.0.0.0/0 would allow every address"),
                Arguments.of("egressReview:\n  replicas: 2", "egressReview.replicas: 2 replicas cannot share a ReadWriteOnce"),
                Arguments.of("guacd:\n  recordings: {accessMode: ReadWriteOnce}", "guacd.replicas: 2 replicas cannot share"),
                Arguments.of("orchestrator:\n  vault:\n    auth: {method: approle, approleSecretIdSecret: vault-secret-id}",
                        "orchestrator.vault.auth.approleRoleId: required"),
                Arguments.of("egressReview:\n  storage:\n    kind: s3\n    s3: {credentialsSecret: ''}",
                        "egressReview.storage.s3.credentialsSecret: required"),
                Arguments.of("ingress:\n  egressReview: {host: enclave.enclave.example}", "ingress.egressReview.host: must differ"),
                Arguments.of("orchestrator:\n  managementPort: 8083", "orchestrator.managementPort: 8083 is a service port"),
                Arguments.of("orchestrator:\n  workspaceTemplates:\n    desktop:\n      id: other\n"
                        + "      displayName: {en: a, fr: b}\n      image: r/x:1\n      protocol: vnc\n      port: 5901\n"
                        + "      gpu: false\n      resources: {default: {cpu: '1', memory: 1Gi}, maximum: {cpu: '1', memory: 1Gi}}\n"
                        + "      mounts: {home: /home/r, share: /share, outbox: /outbox, data: /data}",
                        "orchestrator.workspaceTemplates.desktop.id: must equal its key"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedByName(String values, String expected, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("values.yaml"), values + "\n");
        assertThatThrownBy(() -> EnclaveChart.render(EnclaveChart.NAMESPACE, file, Map.of()))
                .hasMessageContaining(expected);
    }

    /** Each value has a schema with a description and a type; sections are walked into. */
    @SuppressWarnings("unchecked")
    private static void walk(JsonNode schema, Map<String, Object> values, String prefix, List<String> problems) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String key = prefix + entry.getKey();
            JsonNode property = SCHEMA.property(schema, entry.getKey());
            if (property == null) {
                problems.add(key + ": not in the schema");
                continue;
            }
            if (SCHEMA.description(property) == null) {
                problems.add(key + ": no description");
            }
            if (SCHEMA.resolve(property).path("type").isMissingNode()) {
                problems.add(key + ": no type");
            }
            if (SCHEMA.isSection(property) && entry.getValue() instanceof Map<?, ?> section) {
                walk(property, (Map<String, Object>) section, key + ".", problems);
            }
        }
    }

    /** Every section (an object with named properties) says additionalProperties: false. */
    private static void closed(JsonNode node, String at, List<String> open) {
        JsonNode resolved = SCHEMA.resolve(node);
        if (resolved.has("properties") && !BooleanNode.FALSE.equals(resolved.path("additionalProperties"))) {
            open.add(at.isEmpty() ? "(root)" : at);
        }
        resolved.path("properties").fields().forEachRemaining(f -> closed(f.getValue(), at + "/" + f.getKey(), open));
        if (resolved.has("items")) {
            closed(resolved.get("items"), at + "[]", open);
        }
        if (resolved.path("additionalProperties").isObject()) {
            closed(resolved.get("additionalProperties"), at + "/*", open);
        }
    }
}
