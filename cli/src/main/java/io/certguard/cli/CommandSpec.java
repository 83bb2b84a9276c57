package io.certguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command accepts and how it explains itself.
 *
 * @param name           the word after {@code certguard}
 * @param summary        one line for the overview
 * @param synopsis       the usage line(s) after {@code certguard }, e.g. {@code check-bundle FILE --domain HOST}
 * @param description    the help text between the synopsis and the options: what it does, exit codes, environment
 * @param options        the command's own options ({@link Option#JSON}, {@link Option#DEBUG} and {@link Option#HELP}
 *                       are added)
 * @param minPositionals positional arguments required
 * @param maxPositionals positional arguments accepted
 */
public record CommandSpec(String name, String summary, List<String> synopsis, String description, List<Option> options,
        int minPositionals, int maxPositionals) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        synopsis = List.copyOf(synopsis);
        Objects.requireNonNull(description, "description");
        List<Option> all = new ArrayList<>(options);
        all.add(Option.JSON);
        all.add(Option.DEBUG);
        all.add(Option.HELP);
        if (all.stream().map(Option::name).distinct().count() != all.size()) {
            throw new IllegalArgumentException("command " + name + " declares an option twice");
        }
        options = List.copyOf(all);
        if (minPositionals < 0 || maxPositionals < minPositionals) {
            throw new IllegalArgumentException("positional bounds of " + name + ": " + minPositionals + ".." + maxPositionals);
        }
    }

    /** The full help text, as {@code certguard NAME --help} prints it. */
    public String help() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < synopsis.size(); i++) {
            text.append(i == 0 ? "Usage: " : "       ").append("./certguard ").append(synopsis.get(i)).append('\n');
        }
        text.append('\n').append(summary).append(".\n\n").append(description.strip()).append("\n\nOptions:\n");
        int width = options.stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
        for (Option option : options) {
            text.append("  ").append(pad(option.synopsis(), width)).append("  ").append(option.help())
                    .append(option.repeatable() ? " (repeatable)" : "").append('\n');
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
