package eu.enclave.platform.web;

import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.security.DemoProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

/** The OpenAPI document's frame: title, how to authenticate, and no trace of server-side parameters. */
public final class OpenApiDocument {

    static {
        // Resolved from the sign-in, never sent by clients.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    private OpenApiDocument() {
    }

    public static OpenAPI describe(String service, String version, DemoProperties demo) {
        Components components = new Components().addSecuritySchemes("bearer", new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from the identity provider (OIDC); must carry an accepted acr."));
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Enclave " + service + " API").version(version)
                        .description("Errors are RFC 7807 problem details with an `errors` list of {field, reason}."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        if (demo.enabled()) {
            components.addSecuritySchemes("demo", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("Demo mode only: a demo user and the shared demo password."));
            api.addSecurityItem(new SecurityRequirement().addList("demo"));
        }
        return api;
    }
}
