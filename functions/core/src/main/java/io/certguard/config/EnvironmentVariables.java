package io.certguard.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The environment of one function, restricted to the variables that function declares. Reading an undeclared name is
 * a programming error, so every variable the code reads is listed in one place per function, and a test checks that
 * template.yaml sets each of them.
 */
public final class EnvironmentVariables {

    private final Map<String, String> env;
    private final Set<String> declared;

    public EnvironmentVariables(Map<String, String> env, Set<String> declared) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.declared = Set.copyOf(Objects.requireNonNull(declared, "declared"));
    }

    /** A variable that must be set and not blank. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException("environment variable " + name + " is not set"));
    }

    /** A variable that may be unset; blank counts as unset (CloudFormation cannot omit a variable conditionally). */
    public Optional<String> optional(String name) {
        if (!declared.contains(name)) {
            throw new IllegalArgumentException("environment variable " + name + " is read but not declared");
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A positive whole number, or {@code fallback} when unset. */
    public int positiveInt(String name, int fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("environment variable " + name + " must be a positive whole number, was \""
                + value.get() + "\"");
    }
}
