package io.certguard.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code --name} a command accepts: a flag, or an option with a value ({@code --name VALUE} or
 * {@code --name=VALUE}), given at most once unless repeatable.
 *
 * @param valueName  what the value is, for help and errors ({@code HOST}, {@code FILE}); empty for a flag
 * @param repeatable the option may be given several times (each value is kept, in order)
 */
public record Option(String name, Optional<String> valueName, boolean repeatable, String help) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(help, "help");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option names are lower-case words with hyphens: " + name);
        }
        if (repeatable && valueName.isEmpty()) {
            throw new IllegalArgumentException("a flag cannot be repeatable: --" + name);
        }
    }

    public static Option flag(String name, String help) {
        return new Option(name, Optional.empty(), false, help);
    }

    public static Option value(String name, String valueName, String help) {
        return new Option(name, Optional.of(valueName), false, help);
    }

    public static Option repeatable(String name, String valueName, String help) {
        return new Option(name, Optional.of(valueName), true, help);
    }

    public boolean takesValue() {
        return valueName.isPresent();
    }

    /** {@code --name VALUE} or {@code --name}, as help shows it. */
    public String synopsis() {
        return "--" + name + valueName.map(v -> " " + v).orElse("");
    }

    /** The options every command takes. */
    public static final Option JSON = flag("json", "machine-readable output on stdout (errors stay one line on stderr)");
    public static final Option DEBUG = flag("debug", "print the stack trace of an error");
    public static final Option HELP = flag("help", "this help");
}
