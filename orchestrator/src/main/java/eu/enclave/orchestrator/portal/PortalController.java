package eu.enclave.orchestrator.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * Marks a controller that renders portal pages. The portal's advice ({@link PortalLayout}, {@link PageErrors})
 * applies to these only: {@code @ControllerAdvice(annotations = Controller.class)} would also match every
 * {@code @RestController}, which is meta-annotated with {@code @Controller}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PortalController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
