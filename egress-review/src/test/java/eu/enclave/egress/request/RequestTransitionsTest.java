package eu.enclave.egress.request;

import static eu.enclave.egress.request.RequestStatus.DRAFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.egress.request.RequestTransitions.Move;
import eu.enclave.egress.request.RequestTransitions.Owner;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** The request transition table, checked against an independent statement of EGRESS.md's workflow. */
class RequestTransitionsTest {

    /** Every allowed (from, to, by) and the audit action it must leave; everything else is refused. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("draft -> submitted by requester", "request.submitted"),
            Map.entry("draft -> withdrawn by requester", "request.withdrawn"),
            Map.entry("submitted -> in_review by reviewer", "request.review_started"),
            Map.entry("submitted -> returned by reviewer", "request.returned"),
            Map.entry("submitted -> withdrawn by requester", "request.withdrawn"),
            Map.entry("in_review -> returned by reviewer", "request.returned"),
            Map.entry("in_review -> approved by reviewer", "request.approved"),
            Map.entry("in_review -> partially_approved by reviewer", "request.partially_approved"),
            Map.entry("in_review -> rejected by reviewer", "request.rejected"),
            Map.entry("in_review -> withdrawn by requester", "request.withdrawn"),
            Map.entry("returned -> submitted by requester", "request.resubmitted"),
            Map.entry("returned -> withdrawn by requester", "request.withdrawn"),
            Map.entry("approved -> released by system", "request.released"),
            Map.entry("partially_approved -> released by system", "request.released"),
            Map.entry("approved -> in_review by system", "request.checks_changed"),
            Map.entry("partially_approved -> in_review by system", "request.checks_changed"),
            Map.entry("approved -> revoked by reviewer", "request.revoked"),
            Map.entry("approved -> revoked by admin", "request.revoked"),
            Map.entry("partially_approved -> revoked by reviewer", "request.revoked"),
            Map.entry("partially_approved -> revoked by admin", "request.revoked"),
            Map.entry("released -> revoked by reviewer", "request.revoked"),
            Map.entry("released -> revoked by admin", "request.revoked"),
            Map.entry("released -> expired by system", "request.expired"));

    private static final Set<RequestStatus> FINAL = EnumSet.of(RequestStatus.REJECTED, RequestStatus.WITHDRAWN,
            RequestStatus.REVOKED, RequestStatus.EXPIRED);

    static Stream<Arguments> everyCombination() {
        return Arrays.stream(RequestStatus.values()).flatMap(from -> Arrays.stream(RequestStatus.values())
                .flatMap(to -> Arrays.stream(Actor.values()).map(by -> Arguments.of(from, to, by))));
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyCombination")
    void onlyTheStatedMovesAreAllowed(RequestStatus from, RequestStatus to, Actor by) {
        String key = from + " -> " + to + " by " + by;
        Optional<Move> found = RequestTransitions.find(from, to, by);

        if (ALLOWED.containsKey(key)) {
            assertThat(found).as(key).isPresent();
            assertThat(found.get().auditAction()).isEqualTo(ALLOWED.get(key));
            assertThat(RequestTransitions.check(from, to, by)).isEqualTo(found.get());
            assertThat(RequestTransitions.targets(from, by)).contains(to);
        } else {
            assertThat(found).as(key + " must be refused").isEmpty();
            assertThat(RequestTransitions.targets(from, by)).doesNotContain(to);
            assertThatThrownBy(() -> RequestTransitions.check(from, to, by))
                    .isInstanceOfSatisfying(InvalidTransition.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(e.getMessage()).contains("'" + from + "'", "'" + to + "'");
                        assertThat(e.errors()).extracting(p -> p.field()).containsExactly("status");
                    });
        }
    }

    @Test
    void theStatementAboveCoversTheWholeTable() {
        Set<String> inTable = RequestTransitions.moves().stream()
                .flatMap(m -> m.by().stream().map(by -> m.from() + " -> " + m.to() + " by " + by))
                .collect(Collectors.toSet());
        assertThat(inTable).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void everyStateHasAnOwnerAndOnlyFinalStatesWaitForNobody() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(RequestTransitions.owner(status)).as(status + " has an owner").isNotNull();
            assertThat(RequestTransitions.owner(status) == Owner.NOBODY).as(status + " waits for nobody")
                    .isEqualTo(FINAL.contains(status));
            assertThat(RequestTransitions.isFinal(status)).as(status + " is final").isEqualTo(FINAL.contains(status));
        }
    }

    @Test
    void everyStateIsReachableFromTheInitialOne() {
        Set<RequestStatus> reached = EnumSet.of(RequestTransitions.INITIAL);
        Deque<RequestStatus> queue = new ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            RequestStatus from = queue.poll();
            for (Move m : RequestTransitions.moves()) {
                if (m.from() == from && reached.add(m.to())) {
                    queue.add(m.to());
                }
            }
        }
        assertThat(RequestTransitions.INITIAL).isEqualTo(DRAFT);
        assertThat(reached).containsExactlyInAnyOrder(RequestStatus.values());
    }

    @Test
    void theRequesterNeverDecidesAndThePlatformNeverApproves() {
        for (Move m : RequestTransitions.moves()) {
            if (RequestTransitions.isDecided(m.to()) && !RequestTransitions.isDecided(m.from())) {
                assertThat(m.by()).as(m + " is a decision").containsOnly(Actor.REVIEWER);
            }
        }
    }

    @Test
    void everyMoveHasAnActorAnAuditName() {
        for (Move m : RequestTransitions.moves()) {
            assertThat(m.by()).as(m + " needs someone who may make it").isNotEmpty();
            assertThat(m.auditAction()).as(m + " audit action").matches("request\\.[a-z_]+");
            assertThat(m.from()).as(m + " is a change").isNotEqualTo(m.to());
        }
    }

    @Test
    void statusIdsRoundTrip() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(RequestStatus.parse(status.id())).contains(status);
        }
        assertThat(RequestStatus.parse("IN_REVIEW")).isEmpty();
        assertThat(RequestStatus.of("partially_approved")).isEqualTo(RequestStatus.PARTIALLY_APPROVED);
    }
}
