package io.ieim.config;

import java.util.Map;

/** Numeric settings from environment variables: a misconfigured value stops the start, naming its variable. */
public final class EnvironmentSettings {

    private EnvironmentSettings() {
    }

    /**
     * The variable's value as a whole number from 0 to {@code max}, or {@code fallback} when unset or blank.
     *
     * @throws IllegalArgumentException "NAME must be a non-negative whole number, not 'VALUE'"
     */
    public static long nonNegative(Map<String, String> env, String name, long fallback, long max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a non-negative whole number, not '" + v + "'");
        }
    }
}
