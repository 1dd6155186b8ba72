package eu.enclave.egress.checking;

import eu.enclave.egress.checks.history.ProjectDatasets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The datasets approved for a project, current or past, from the orchestrator's internal API
 * ({@code GET /internal/v1/projects/{slug}}, docs/internal-api.md), cached at most 10 s. Fails (throws) when the
 * orchestrator cannot answer: the engine then says earlier releases could not be consulted.
 */
public class OrchestratorDatasets implements ProjectDatasets {

    static final Duration CACHE = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Path credentialFile;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OrchestratorDatasets(URI base, Path credentialFile, Clock clock) {
        this.base = base;
        this.credentialFile = credentialFile;
        this.clock = clock;
    }

    private record Cached(Set<String> datasets, Instant until) {
    }

    @Override
    public Set<String> of(String project) {
        Cached cached = cache.get(project);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.datasets();
        }
        Set<String> datasets = fetch(project);
        cache.put(project, new Cached(datasets, clock.instant().plus(CACHE)));
        return datasets;
    }

    private Set<String> fetch(String project) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/internal/v1/projects/"
                    + URLEncoder.encode(project, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET();
            if (credentialFile != null) {
                String credential = Files.readAllLines(credentialFile).stream().findFirst().orElse("").strip();
                request.header("Authorization", "Bearer " + credential);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the orchestrator answered " + response.statusCode());
            }
            Set<String> datasets = new LinkedHashSet<>();
            for (JsonNode dataset : JSON.readTree(response.body()).path("datasets")) {
                if (dataset.path("name").isString()) {
                    datasets.add(dataset.path("name").stringValue());
                }
            }
            return Set.copyOf(datasets);
        } catch (IOException e) {
            throw new IllegalStateException("the orchestrator could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
