package eu.enclave.egress.release.pack;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ro-crate-metadata.json}: the package as an RO-Crate 1.1, using the Five Safes RO-Crate profile's
 * vocabulary where it fits (the project as {@code sourceOrganization}; the automated checks, the reviewers'
 * decision and the signed checksums as {@code AssessAction}s with Safe Haven Provenance types, mentioned by the
 * root). It does not claim conformance to that profile: there is no BagIt wrapper and no workflow run here.
 */
final class RoCrateMetadata {

    static final String NAME = "ro-crate-metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLETED = "http://schema.org/CompletedActionStatus";
    private static final String SHA256 = "https://www.iana.org/assignments/named-information#sha-256";

    private RoCrateMetadata() {
    }

    /** {@code files}: every entry but this one, SHA256SUMS and SHA256SUMS.sig. */
    static byte[] describe(ReleaseRequest request, List<ReleasedFile> outputs, List<PackageEntry> documents,
            String keyId) {
        ObjectNode crate = JSON.createObjectNode();
        crate.put("@context", "https://w3id.org/ro/crate/1.1/context");
        ArrayNode graph = crate.putArray("@graph");
        String decided = request.decidedAt().toString();
        String project = "#project-" + request.project();

        ObjectNode descriptor = graph.addObject().put("@id", NAME).put("@type", "CreativeWork");
        descriptor.putObject("conformsTo").put("@id", "https://w3id.org/ro/crate/1.1");
        descriptor.putObject("about").put("@id", "./");

        ObjectNode root = graph.addObject().put("@id", "./").put("@type", "Dataset").put("name", request.title())
                .put("description", request.purpose()).put("identifier", "urn:uuid:" + request.id())
                .put("datePublished", decided);
        root.putObject("license").put("@id", "#release-conditions");
        root.putObject("sourceOrganization").put("@id", project);
        ArrayNode parts = root.putArray("hasPart");
        ArrayNode mentions = root.putArray("mentions");

        graph.addObject().put("@id", "#release-conditions").put("@type", "CreativeWork")
                .put("name", "Released from a secure processing environment after output checking")
                .put("description", "Reuse is governed by the data access agreement of project " + request.project()
                        + "; no attempt may be made to re-identify any person.");
        graph.addObject().put("@id", project).put("@type", "Project").put("name", request.project())
                .put("identifier", request.project());

        ArrayNode outputRefs = JSON.createArrayNode();
        for (ReleasedFile file : outputs) {
            ObjectNode entity = graph.addObject().put("@id", file.path()).put("@type", "File").put("name", file.name())
                    .put("contentSize", Long.toString(file.size()));
            String type = MediaTypes.of(file.name());
            if (type != null) {
                entity.put("encodingFormat", type);
            }
            entity.put("description", "Approved output, group " + file.group());
            parts.addObject().put("@id", file.path());
            outputRefs.addObject().put("@id", file.path());
        }
        for (PackageEntry document : documents) {
            graph.addObject().put("@id", document.path()).put("@type", "File").put("name", document.path())
                    .put("contentSize", Long.toString(document.size())).put("encodingFormat", "application/json")
                    .put("description", describeDocument(document.path()));
            parts.addObject().put("@id", document.path());
        }
        graph.addObject().put("@id", PackageLayout.SUMS).put("@type", "File").put("name", PackageLayout.SUMS)
                .put("encodingFormat", "text/plain")
                .put("description", "SHA-256 of every other file of the package, as sha256sum -c reads it");
        graph.addObject().put("@id", PackageLayout.SIGNATURE).put("@type", "File").put("name", PackageLayout.SIGNATURE)
                .put("encodingFormat", "application/octet-stream")
                .put("description", "ECDSA P-256 signature (SHA-256, DER) of SHA256SUMS by release key " + keyId);
        parts.addObject().put("@id", PackageLayout.SUMS);
        parts.addObject().put("@id", PackageLayout.SIGNATURE);

        String engine = "#checks-engine";
        graph.addObject().put("@id", engine).put("@type", "SoftwareApplication").put("name", "Enclave disclosure checks")
                .put("version", request.engineVersion());
        String policy = "#disclosure-policy";
        graph.addObject().put("@id", policy).put("@type", "CreativeWork").put("name", "Disclosure policy of the request")
                .put("identifier", request.policyHash());
        ObjectNode checks = assess(graph, "#automated-checks", "https://w3id.org/shp#DisclosureCheck",
                "Automated disclosure checks of the outputs: recorded", decided);
        checks.set("object", outputRefs.deepCopy());
        checks.putObject("instrument").put("@id", policy);
        checks.putObject("agent").put("@id", engine);
        checks.putObject("result").put("@id", PackageLayout.CHECKS);
        mentions.addObject().put("@id", "#automated-checks");

        ObjectNode review = assess(graph, "#output-review", "https://w3id.org/shp#DisclosureCheck",
                "Output review by " + request.reviewerPseudonyms().size() + " reviewer(s): approved for release", decided);
        review.set("object", outputRefs.deepCopy());
        ArrayNode agents = review.putArray("agent");
        for (String pseudonym : request.reviewerPseudonyms()) {
            String id = "#reviewer-" + pseudonym;
            agents.addObject().put("@id", id);
            graph.addObject().put("@id", id).put("@type", "Person").put("name", "Reviewer " + pseudonym)
                    .put("description", "Pseudonymous reviewer id; the names are in the audit trail");
        }
        review.putObject("result").put("@id", PackageLayout.DECISIONS);
        mentions.addObject().put("@id", "#output-review");

        ObjectNode sums = assess(graph, "#signed-checksums", "https://w3id.org/shp#CheckValue",
                "SHA-256 checksums of the package, signed by release key " + keyId, decided);
        sums.putObject("object").put("@id", "./");
        ArrayNode instruments = sums.putArray("instrument");
        instruments.addObject().put("@id", SHA256);
        instruments.addObject().put("@id", "#release-key-" + keyId);
        ArrayNode results = sums.putArray("result");
        results.addObject().put("@id", PackageLayout.SUMS);
        results.addObject().put("@id", PackageLayout.SIGNATURE);
        mentions.addObject().put("@id", "#signed-checksums");
        graph.addObject().put("@id", SHA256).put("@type", "DefinedTerm").put("name", "sha-256 algorithm");
        graph.addObject().put("@id", "#release-key-" + keyId).put("@type", "CreativeWork")
                .put("name", "Release signing key " + keyId).put("identifier", keyId)
                .put("description", "ECDSA P-256 public key, listed by GET /api/v1/release-keys");

        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(crate);
    }

    private static ObjectNode assess(ArrayNode graph, String id, String type, String name, String endTime) {
        ObjectNode action = graph.addObject().put("@id", id).put("@type", "AssessAction");
        action.putObject("additionalType").put("@id", type);
        return action.put("name", name).put("endTime", endTime).put("actionStatus", COMPLETED);
    }

    private static String describeDocument(String name) {
        return switch (name) {
            case PackageLayout.CHECKS -> "Every finding of the automated checks, with the engine version and the policy hash";
            case PackageLayout.DECISIONS -> "Votes, public comments and times of the review, by pseudonymous reviewer id";
            case PackageLayout.RESULTS -> "ACRO-compatible summary of the approved outputs";
            default -> name;
        };
    }
}
