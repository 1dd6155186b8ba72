package eu.enclave.egress.apidoc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem responses (RFC 7807) an operation may answer, added to its OpenAPI description with the problem schema
 * by {@link ProblemResponsesCustomizer}: {@code @ProblemResponses({400, 404, 409})}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

    int[] value();
}
