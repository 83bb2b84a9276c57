package io.certguard.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command line parsed against a {@link CommandSpec}: {@code --name VALUE}, {@code --name=VALUE}, flags, and
 * positional arguments ({@code --} ends the options). Anything not declared is a usage error naming it.
 */
public final class Arguments {

    private final CommandSpec spec;
    private final List<String> positionals;
    private final Map<String, List<String>> values;

    private Arguments(CommandSpec spec, List<String> positionals, Map<String, List<String>> values) {
        this.spec = spec;
        this.positionals = List.copyOf(positionals);
        this.values = values;
    }

    /**
     * @throws UsageException naming the unknown option, the missing value or the unexpected argument
     */
    public static Arguments parse(CommandSpec spec, List<String> args) {
        Map<String, Option> byName = new LinkedHashMap<>();
        spec.options().forEach(o -> byName.put(o.name(), o));
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw UsageException.syntax("unknown option " + shown(arg) + " (options start with --)");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            Option option = byName.get(name);
            if (option == null) {
                throw UsageException.syntax("unknown option " + shown("--" + name));
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw UsageException.syntax("option --" + name + " takes no value");
                }
                value = "";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw UsageException.syntax("option --" + name + " needs a value (" + option.valueName().orElseThrow() + ")");
            }
            List<String> given = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!given.isEmpty() && !option.repeatable()) {
                throw UsageException.syntax("option --" + name + " is given more than once");
            }
            given.add(value);
        }
        Arguments parsed = new Arguments(spec, positionals, values);
        if (!parsed.flag(Option.HELP.name())) {
            parsed.checkPositionals();
        }
        return parsed;
    }

    private void checkPositionals() {
        if (positionals.size() > spec.maxPositionals()) {
            String extra = positionals.get(spec.maxPositionals());
            throw UsageException.syntax("unexpected argument " + shown(extra));
        }
        if (positionals.size() < spec.minPositionals()) {
            throw UsageException.syntax("missing argument; usage: ./certguard " + spec.synopsis().getFirst());
        }
    }

    public CommandSpec spec() {
        return spec;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean flag(String name) {
        declared(name);
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        declared(name);
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() ? Optional.empty() : Optional.of(given.getFirst());
    }

    /** Every value of a repeatable option, in order. */
    public List<String> values(String name) {
        declared(name);
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** @throws UsageException when the option is missing */
    public String required(String name) {
        return value(name).orElseThrow(() -> UsageException.syntax("option --" + name + " is required"));
    }

    private void declared(String name) {
        if (spec.options().stream().noneMatch(o -> o.name().equals(name))) {
            throw new IllegalArgumentException("command " + spec.name() + " reads undeclared option --" + name);
        }
    }

    /** An argument as an error message may show it: short, printable (it may be something pasted by mistake). */
    public static String shown(String arg) {
        StringBuilder out = new StringBuilder("\"");
        arg.codePoints().limit(40).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return out.append(arg.codePointCount(0, arg.length()) > 40 ? "…\"" : "\"").toString();
    }
}
