package eu.enclave.egress.intake;

import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The intake's refusals beyond the platform's four kinds: several fields at once, sizes, types, rates. */
public final class IntakeProblem extends ApiException {

    private IntakeProblem(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(status, detail, errors);
    }

    /** 400 naming every invalid field. */
    public static IntakeProblem invalid(List<FieldProblem> errors) {
        return new IntakeProblem(HttpStatus.BAD_REQUEST, errors.stream().map(e -> e.field() + ": " + e.reason())
                .collect(Collectors.joining("; ")), errors);
    }

    /** 413: a file or the bytes of a period beyond a limit. */
    public static IntakeProblem tooLarge(String field, String reason) {
        return new IntakeProblem(HttpStatus.CONTENT_TOO_LARGE, field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    /** 415: the content is of a type the project does not allow. */
    public static IntakeProblem unsupportedType(String field, String reason) {
        return new IntakeProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    /** 408: the upload took longer than allowed. */
    public static IntakeProblem timeout(String field, String reason) {
        return new IntakeProblem(HttpStatus.REQUEST_TIMEOUT, field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    /** 429: too many calls of a kind in a period. */
    public static IntakeProblem tooMany(String reason) {
        return new IntakeProblem(HttpStatus.TOO_MANY_REQUESTS, reason, List.of());
    }

    /** 401 after the fact: the token stopped being active while the call ran (checked again before a commit). */
    public static IntakeProblem tokenEnded(String reason) {
        return new IntakeProblem(HttpStatus.UNAUTHORIZED, "The egress token stopped being active during the upload ("
                + reason + "); nothing was stored.", List.of(new FieldProblem("Authorization", reason)));
    }
}
