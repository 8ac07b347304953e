package io.ieim.domain.rules;

/**
 * A versioned rules file (spec/rules/*.yaml) is invalid. The message names the file kind and the line
 * (for syntax errors, unknown keys and unknown labels) or the rule id (for semantic errors).
 */
public class RulesFormatException extends IllegalArgumentException {

    public RulesFormatException(String message) {
        super(message);
    }

    public RulesFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
