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

/** A DNS host name, checked for syntax only (RFC 1123 labels); {@code school-district.k12} is valid. Null is valid (combine with {@code @NotNull}). */
@Documented
@Constraint(validatedBy = Hostname.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Hostname {
    String message() default "must be a valid domain name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Hostname, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || HostnameSyntax.isValid(value);
        }
    }
}
