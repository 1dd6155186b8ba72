package eu.enclave.egress.request;

import static eu.enclave.egress.request.RequestStatus.APPROVED;
import static eu.enclave.egress.request.RequestStatus.DRAFT;
import static eu.enclave.egress.request.RequestStatus.EXPIRED;
import static eu.enclave.egress.request.RequestStatus.IN_REVIEW;
import static eu.enclave.egress.request.RequestStatus.PARTIALLY_APPROVED;
import static eu.enclave.egress.request.RequestStatus.REJECTED;
import static eu.enclave.egress.request.RequestStatus.RELEASED;
import static eu.enclave.egress.request.RequestStatus.RETURNED;
import static eu.enclave.egress.request.RequestStatus.REVOKED;
import static eu.enclave.egress.request.RequestStatus.SUBMITTED;
import static eu.enclave.egress.request.RequestStatus.WITHDRAWN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of what may follow what for an output request: every allowed move, who may make it, and the audit
 * event it leaves; and, for every state, who is expected to act next. Nothing else in the code decides whether a
 * request may move: services check a move here before they apply it, pages read their buttons from here. Who among
 * the people of an actor kind may act (this reviewer, that requester) is {@code ReviewAccessPolicy}'s.
 */
public final class RequestTransitions {

    /** Who makes a move: the requester (from the workspace or the portal), a reviewer, an admin, or the platform. */
    public enum Actor {
        REQUESTER, REVIEWER, ADMIN, SYSTEM;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who the request waits for in a state; {@link #NOBODY} for final states. */
    public enum Owner {
        REQUESTER, REVIEWERS, SYSTEM, NOBODY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Move(RequestStatus from, RequestStatus to, Set<Actor> by, String auditAction) {

        public Move {
            by = Collections.unmodifiableSet(EnumSet.copyOf(by));
        }
    }

    private static final Set<Actor> REQUESTER = EnumSet.of(Actor.REQUESTER);
    private static final Set<Actor> REVIEWER = EnumSet.of(Actor.REVIEWER);
    private static final Set<Actor> SYSTEM = EnumSet.of(Actor.SYSTEM);
    private static final Set<Actor> REVOKERS = EnumSet.of(Actor.REVIEWER, Actor.ADMIN);

    private static final Map<RequestStatus, Owner> OWNERS = new EnumMap<>(Map.ofEntries(
            Map.entry(DRAFT, Owner.REQUESTER),
            Map.entry(SUBMITTED, Owner.REVIEWERS),
            Map.entry(IN_REVIEW, Owner.REVIEWERS),
            Map.entry(RETURNED, Owner.REQUESTER),
            Map.entry(APPROVED, Owner.SYSTEM),
            Map.entry(PARTIALLY_APPROVED, Owner.SYSTEM),
            Map.entry(RELEASED, Owner.REQUESTER),
            Map.entry(REJECTED, Owner.NOBODY),
            Map.entry(WITHDRAWN, Owner.NOBODY),
            Map.entry(REVOKED, Owner.NOBODY),
            Map.entry(EXPIRED, Owner.NOBODY)));

    private static final Map<RequestStatus, Map<RequestStatus, Move>> MOVES = new EnumMap<>(RequestStatus.class);

    static {
        // the requester's draft, submitted from the workspace
        add(DRAFT, SUBMITTED, REQUESTER, "request.submitted");
        add(DRAFT, WITHDRAWN, REQUESTER, "request.withdrawn");
        // review starts with the first claim or vote; a reviewer may return it at once (context missing, say)
        add(SUBMITTED, IN_REVIEW, REVIEWER, "request.review_started");
        add(SUBMITTED, RETURNED, REVIEWER, "request.returned");
        add(SUBMITTED, WITHDRAWN, REQUESTER, "request.withdrawn");
        // consolidated votes decide; a return asks for changes
        add(IN_REVIEW, RETURNED, REVIEWER, "request.returned");
        add(IN_REVIEW, APPROVED, REVIEWER, "request.approved");
        add(IN_REVIEW, PARTIALLY_APPROVED, REVIEWER, "request.partially_approved");
        add(IN_REVIEW, REJECTED, REVIEWER, "request.rejected");
        add(IN_REVIEW, WITHDRAWN, REQUESTER, "request.withdrawn");
        // new versions of returned files, sent from the workspace
        add(RETURNED, SUBMITTED, REQUESTER, "request.resubmitted");
        add(RETURNED, WITHDRAWN, REQUESTER, "request.withdrawn");
        // the package is built by the platform once decided; the checks run once more first, and a changed result
        // sends the request back to review
        add(APPROVED, RELEASED, SYSTEM, "request.released");
        add(PARTIALLY_APPROVED, RELEASED, SYSTEM, "request.released");
        add(APPROVED, IN_REVIEW, SYSTEM, "request.checks_changed");
        add(PARTIALLY_APPROVED, IN_REVIEW, SYSTEM, "request.checks_changed");
        // revocation, with a reason, stops every download
        add(APPROVED, REVOKED, REVOKERS, "request.revoked");
        add(PARTIALLY_APPROVED, REVOKED, REVOKERS, "request.revoked");
        add(RELEASED, REVOKED, REVOKERS, "request.revoked");
        add(RELEASED, EXPIRED, SYSTEM, "request.expired");
    }

    private RequestTransitions() {
    }

    private static void add(RequestStatus from, RequestStatus to, Set<Actor> by, String auditAction) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(RequestStatus.class)).put(to, new Move(from, to, by, auditAction));
    }

    /** The state a request is created in. */
    public static final RequestStatus INITIAL = DRAFT;

    /** Every move of the table, in the order of its states. */
    public static Set<Move> moves() {
        return MOVES.values().stream().flatMap(m -> m.values().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Optional<Move> find(RequestStatus from, RequestStatus to, Actor by) {
        Move move = MOVES.getOrDefault(from, Map.of()).get(to);
        return move != null && move.by().contains(by) ? Optional.of(move) : Optional.empty();
    }

    /** The move, or {@link InvalidTransition} (409) naming the state and what was attempted. */
    public static Move check(RequestStatus from, RequestStatus to, Actor by) {
        return find(from, to, by).orElseThrow(() -> new InvalidTransition(from, to, by));
    }

    public static boolean allows(RequestStatus from, RequestStatus to, Actor by) {
        return find(from, to, by).isPresent();
    }

    public static Set<RequestStatus> targets(RequestStatus from, Actor by) {
        return MOVES.getOrDefault(from, Map.of()).values().stream().filter(m -> m.by().contains(by)).map(Move::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RequestStatus.class)));
    }

    public static Owner owner(RequestStatus status) {
        return OWNERS.get(status);
    }

    /** A state no move leaves. */
    public static boolean isFinal(RequestStatus status) {
        return MOVES.getOrDefault(status, Map.of()).isEmpty();
    }

    /** Decided by reviewers (whatever happened after). */
    public static boolean isDecided(RequestStatus status) {
        return EnumSet.of(APPROVED, PARTIALLY_APPROVED, REJECTED, RELEASED, REVOKED, EXPIRED).contains(status);
    }

    /** The state diagram for the docs, generated so that it cannot drift from the table. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> " + INITIAL
                + ": request.created (requester)\n");
        for (Move m : moves()) {
            out.append("    ").append(m.from()).append(" --> ").append(m.to()).append(": ").append(m.auditAction())
                    .append(" (").append(m.by().stream().map(Actor::toString).sorted()
                            .collect(Collectors.joining(", "))).append(")\n");
        }
        for (RequestStatus status : RequestStatus.values()) {
            if (isFinal(status)) {
                out.append("    ").append(status).append(" --> [*]\n");
            }
        }
        for (RequestStatus status : RequestStatus.values()) {
            out.append("    note right of ").append(status).append(": waits for ").append(owner(status)).append('\n');
        }
        return out.toString();
    }
}
