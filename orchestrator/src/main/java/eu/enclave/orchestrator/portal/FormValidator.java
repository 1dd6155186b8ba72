package eu.enclave.orchestrator.portal;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the command a form builds (a {@code ProjectDraft}, a {@code NewMember}) against its own Bean
 * Validation rules, the same ones the API applies, and reports the failures on the form's fields (the form
 * and the command share field names). A field that already failed to bind keeps only that error.
 */
@Component
public class FormValidator {

    private final SpringValidatorAdapter validator;

    FormValidator(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    public void validate(Object command, BindingResult form) {
        BindingResult found = new BeanPropertyBindingResult(form.getTarget(), form.getObjectName());
        validator.validate(command, found);
        found.getFieldErrors().stream().filter(e -> !form.hasFieldErrors(e.getField())).forEach(form::addError);
        found.getGlobalErrors().forEach(form::addError);
    }
}
