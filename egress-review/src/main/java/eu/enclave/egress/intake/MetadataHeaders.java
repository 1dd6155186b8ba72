package eu.enclave.egress.intake;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Marks an upload operation: its metadata headers ({@link UploadHeaders}) go into the API document. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface MetadataHeaders {

    @Component
    class Documenter implements OperationCustomizer {

        @Override
        public Operation customize(Operation operation, HandlerMethod handler) {
            if (handler.hasMethodAnnotation(MetadataHeaders.class)) {
                operation.addParametersItem(header(UploadHeaders.GROUP, "The file's group (percent-encoded UTF-8); "
                        + "else its declaration's, else the request's only group").schema(new StringSchema()));
                operation.addParametersItem(header(UploadHeaders.DESCRIPTION, "The file's description "
                        + "(percent-encoded UTF-8, at most 4,000 characters)").schema(new StringSchema()));
                operation.addParametersItem(header(UploadHeaders.SUPPORTING, "true: shown to reviewers, never "
                        + "released").schema(new BooleanSchema()));
                operation.addParametersItem(header(UploadHeaders.DIGEST, "RFC 9530 sha-256=:<base64>:, which the "
                        + "received bytes must match").schema(new StringSchema()));
            }
            return operation;
        }

        private static HeaderParameter header(String name, String description) {
            return (HeaderParameter) new HeaderParameter().name(name).description(description).required(false);
        }
    }
}
