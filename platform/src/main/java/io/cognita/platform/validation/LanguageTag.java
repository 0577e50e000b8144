package io.cognita.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP-47 language tag with a language subtag, such as {@code en-US} or {@code es}. Null is valid (combine with {@code @NotNull}). */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {
    String message() default "must be a BCP-47 language tag such as en-US";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return !locale.getLanguage().isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
