package eu.enclave.orchestrator.template;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the template catalogue at startup; an invalid catalogue stops the startup (see {@link InvalidTemplateCatalogue}). */
@Configuration(proxyBeanMethods = false)
class TemplateCatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TemplateCatalogueConfiguration.class);

    /** @param location a folder of descriptors; empty for the ones packaged in the orchestrator */
    @Bean
    TemplateCatalogue templateCatalogue(@Value("${enclave.templates.location:}") String location) {
        TemplateCatalogue catalogue = location.isBlank()
                ? TemplateCatalogueLoader.packaged()
                : TemplateCatalogueLoader.fromFolder(Path.of(location.strip()));
        log.info("Workspace templates loaded from {}: {}", location.isBlank() ? "the packaged catalogue" : location,
                catalogue.ids());
        return catalogue;
    }
}
