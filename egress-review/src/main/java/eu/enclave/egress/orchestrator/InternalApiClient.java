package eu.enclave.egress.orchestrator;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.InvalidPolicy;
import eu.enclave.platform.disclosure.PolicyText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator's internal API over HTTP (docs/internal-api.md), with the service credential as a bearer token.
 * Every failure (unreachable, timeout, 5xx, refused credential, an answer of the wrong shape, a policy whose hash is
 * not its text's) is {@link OrchestratorUnavailable}: egress-review fails closed. Redirects are not followed.
 */
public class InternalApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OrchestratorSettings settings;
    private final ServiceCredential credential;
    private final HttpClient http;

    public InternalApiClient(OrchestratorSettings settings, ServiceCredential credential) {
        this.settings = settings;
        this.credential = credential;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public TokenIntrospection introspect(String token) {
        JsonNode answer = call("introspection", "POST", "/internal/v1/egress-tokens/introspect",
                JSON.writeValueAsString(Map.of("token", token)), 0).orElseThrow();
        AnswerReader read = new AnswerReader("introspection");
        if (!read.bool(answer, "active")) {
            String reason = read.optionalText(answer, "reason");
            return TokenIntrospection.inactive(reason == null ? "unknown" : reason);
        }
        return new TokenIntrospection(true, null,
                new TokenIntrospection.ProjectRef(read.uuid(answer, "project.id"), read.text(answer, "project.slug"),
                        read.text(answer, "project.status")),
                new TokenIntrospection.WorkspaceRef(read.uuid(answer, "workspace.id"),
                        read.text(answer, "workspace.name"), read.uuid(answer, "workspace.startId"),
                        read.optionalText(answer, "workspace.podAddress")),
                read.person(read.object(answer, "owner")), read.instant(answer, "issuedAt"));
    }

    public SubjectRoles roles(String issuer, String subject) {
        String path = "/internal/v1/subjects/" + BASE64URL.encodeToString(issuer.getBytes(StandardCharsets.UTF_8))
                + "/" + BASE64URL.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "/roles";
        JsonNode answer = call("roles", "GET", path, null, 0).orElseThrow();
        AnswerReader read = new AnswerReader("roles");
        boolean known = read.bool(answer, "known");
        Person person = known ? read.person(answer) : new Person(issuer, subject, read.optionalText(answer, "username"),
                null, null, null);
        List<SubjectRoles.ProjectRoles> projects = read.array(answer, "projects").stream()
                .map(p -> new SubjectRoles.ProjectRoles(read.text(p, "slug"), read.text(p, "status"),
                        read.texts(p, "roles")))
                .toList();
        return new SubjectRoles(person, known, read.texts(answer, "platformRoles"), projects);
    }

    /** The project, or empty when the orchestrator has no project of that slug (404). */
    public Optional<OrchestratorProject> project(String slug) {
        return call("project", "GET", "/internal/v1/projects/" + slugPath(slug), null, 404).map(this::project);
    }

    private OrchestratorProject project(JsonNode answer) {
        AnswerReader read = new AnswerReader("project");
        String policyText = read.text(answer, "policyText");
        String policyHash = read.text(answer, "policyHash");
        DisclosurePolicy policy;
        try {
            policy = PolicyText.parse(policyText, policyHash);
        } catch (InvalidPolicy e) {
            throw new OrchestratorUnavailable("the orchestrator's disclosure policy for project "
                    + read.text(answer, "slug") + " cannot be trusted: " + e.getMessage());
        }
        JsonNode egress = read.object(answer, "egress");
        return new OrchestratorProject(read.uuid(answer, "id"), read.text(answer, "slug"),
                read.optionalText(answer, "title"), read.text(answer, "status"), read.optionalDate(answer, "endDate"),
                read.array(answer, "members").stream()
                        .map(m -> new OrchestratorProject.Member(read.person(m), read.texts(m, "roles"))).toList(),
                read.array(answer, "datasets").stream()
                        .map(d -> new OrchestratorProject.Dataset(read.text(d, "name"), read.text(d, "tier"),
                                read.optionalDate(d, "approvedFrom"), read.optionalDate(d, "approvedUntil"),
                                read.bool(d, "current"))).toList(),
                read.array(answer, "reviewers").stream()
                        .map(r -> new OrchestratorProject.Reviewer(read.person(r), read.text(r, "kind"))).toList(),
                new OrchestratorProject.EgressSettings(read.integer(egress, "reviewersRequired"),
                        read.integer(egress, "minimumReviewers"), read.optionalText(egress, "highestTier"),
                        read.bool(egress, "barMembersFromReviewing"), read.bool(egress, "piMayDownload"),
                        read.integer(egress, "downloadExpiryDays"), read.integer(egress, "downloadLimit")),
                policy, policyText, policyHash);
    }

    /**
     * Reports what egress-review purged of an archived project. True when recorded (201, or 200 for a repeat);
     * false when the orchestrator refuses it because the project is not archived (409).
     */
    public boolean recordDeletion(String slug, DeletionRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component", record.component());
        body.put("completedAt", record.completedAt().toString());
        body.put("details", record.details());
        return call("deletion record", "POST", "/internal/v1/projects/" + slugPath(slug) + "/deletion-records",
                JSON.writeValueAsString(body), 409).isPresent();
    }

    /** The answer's JSON object; empty when the orchestrator answered {@code expectedRefusal} (404 or 409). */
    private Optional<JsonNode> call(String what, String method, String path, String body, int expectedRefusal) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + credential.value())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OrchestratorUnavailable("the orchestrator's internal API at " + settings.internalUrl()
                    + " did not answer the " + what + " call (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrchestratorUnavailable("interrupted while calling the orchestrator");
        }
        int status = response.statusCode();
        if (status == expectedRefusal) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new OrchestratorUnavailable("the orchestrator refused egress-review's service credential ("
                    + status + "): check enclave.orchestrator.credential-file against the orchestrator's");
        }
        if (status < 200 || status > 299) {
            throw new OrchestratorUnavailable("the orchestrator answered the " + what + " call with " + status);
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw new OrchestratorUnavailable("the orchestrator's " + what + " answer is not a JSON object");
            }
            return Optional.of(json);
        } catch (JacksonException e) {
            throw new OrchestratorUnavailable("the orchestrator's " + what + " answer is not JSON");
        }
    }

    private String base() {
        String url = settings.internalUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String slugPath(String slug) {
        if (!slug.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("not a project slug");
        }
        return slug;
    }
}
