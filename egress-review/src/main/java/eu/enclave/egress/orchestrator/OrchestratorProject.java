package eu.enclave.egress.orchestrator;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A project as the orchestrator's internal API describes it: status, current members and reviewers, datasets
 * approved for it, egress settings, and its disclosure policy, whose canonical text was checked against its hash
 * ({@code PolicyText.parse}) when it was read.
 */
public record OrchestratorProject(UUID id, String slug, String title, String status, LocalDate endDate,
                                  List<Member> members, List<Dataset> datasets, List<Reviewer> reviewers,
                                  EgressSettings egress, DisclosurePolicy policy, String policyText,
                                  String policyHash) {

    public OrchestratorProject {
        members = List.copyOf(members);
        datasets = List.copyOf(datasets);
        reviewers = List.copyOf(reviewers);
    }

    public boolean active() {
        return "active".equals(status);
    }

    public Optional<Member> member(String issuer, String subject) {
        return members.stream().filter(m -> m.person().sameAs(issuer, subject)).findFirst();
    }

    /** The distinct approvals each file needs: the project's setting, never below its highest tier's floor. */
    public int reviewersNeeded() {
        return Math.max(egress.reviewersRequired(), egress.minimumReviewers());
    }

    public record Member(Person person, Set<String> roles) {

        public Member {
            roles = Set.copyOf(roles);
        }
    }

    /** @param kind {@code project} (a reviewer member of the project) or {@code platform} (a platform reviewer) */
    public record Reviewer(Person person, String kind) {
    }

    public record Dataset(String name, String tier, LocalDate approvedFrom, LocalDate approvedUntil, boolean current) {
    }

    /**
     * @param minimumReviewers the floor set by the highest sensitivity tier approved for the project (2 for
     *                         {@code highly_sensitive}, else 1)
     */
    public record EgressSettings(int reviewersRequired, int minimumReviewers, String highestTier,
                                 boolean barMembersFromReviewing, boolean piMayDownload, int downloadExpiryDays,
                                 int downloadLimit) {
    }
}
