package eu.enclave.egress.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What egress-review adds to the platform's OpenAPI frame: the egress token scheme, the problem schema, tags. */
@Configuration(proxyBeanMethods = false)
public class EgressApiDocumentation {

    public static final String EGRESS_TOKEN = "egressToken";

    @Bean
    OpenApiCustomizer egressApiFrame() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes(EGRESS_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("The workspace's egress token (the file /run/secrets/egress/token "
                            + "inside the workspace). Intake operations only, on the intake port (8082)."));
            if (components.getSchemas() == null || !components.getSchemas().containsKey("ProblemDetail")) {
                Schema<?> problem = new ObjectSchema().description("RFC 7807 problem details")
                        .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                        .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                        .addProperty("instance", new StringSchema())
                        .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                                .addProperty("field", new StringSchema()).addProperty("reason", new StringSchema())));
                components.addSchemas("ProblemDetail", problem);
            }
            api.setComponents(components);
            api.addTagsItem(new Tag().name("intake").description("From inside a workspace, on the intake port (8082) "
                    + "only, with the workspace's egress token: drafts, files, submission, the requester's view, "
                    + "answers, new versions (docs/egress.md)."));
            api.addTagsItem(new Tag().name("intake checks").description("Pre-submission checks of one file, nothing "
                    + "stored (intake port)."));
        };
    }
}
