package io.certguard.cli;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a command: its parsed arguments, where it writes, the environment it may read (credentials, defaults)
 * and the clock ({@code --now} overrides it where a command takes it).
 */
public record Invocation(Arguments args, Output output, Map<String, String> env, Clock clock) {

    public Invocation {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(output, "output");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    /** An environment variable; blank counts as unset. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The option's value, else the environment variable's. */
    public Optional<String> optionOrEnv(String option, String variable) {
        return args.value(option).or(() -> env(variable));
    }
}
