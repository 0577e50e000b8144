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

/** A retention duration: {@code "<N>d"} with 1 ≤ N ≤ 36500, or {@code "indefinite"}. Null is valid (combine with {@code @NotNull}). */
@Documented
@Constraint(validatedBy = RetentionDuration.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetentionDuration {
    String message() default "must be \"<N>d\" with 1 <= N <= 36500, or \"indefinite\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RetentionDuration, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || RetentionDurationSyntax.isValid(value);
        }
    }
}
