package eu.enclave.egress.request;

import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;

/** 409: the request's state does not allow the move (the transition table says what would). */
public class InvalidTransition extends ApiException {

    private final RequestStatus from;
    private final RequestStatus to;

    public InvalidTransition(RequestStatus from, RequestStatus to, Actor by) {
        super(HttpStatus.CONFLICT, "A request in state '" + from + "' cannot become '" + to + "' by the " + by
                + (RequestTransitions.isFinal(from) ? "; '" + from + "' is final." : "."),
                List.of(new Problems.FieldProblem("status", "is '" + from + "'")));
        this.from = from;
        this.to = to;
    }

    public RequestStatus from() {
        return from;
    }

    public RequestStatus to() {
        return to;
    }
}
