package io.certguard.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile-input corpus under {@code src/test/resources/hostile/<kind>/}: one case per {@code <name>.expect} file,
 * with its input beside it ({@code <name>.<ext>}, the extension depending on the kind) unless the expect file says how
 * to generate it. See {@code hostile/README.md} for the formats.
 */
final class HostileCorpus {

    /** Placeholders shared by all kinds: {@code {{repeat:COUNT:TEXT}}} and {@code {{hex:BYTES}}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    private HostileCorpus() {
    }

    /** One case: its name, its expectation, and the path of its input file when it has one. */
    record Case(String kind, String name, Expect expect, Optional<Path> input) {

        byte[] inputBytes() {
            Path path = input.orElseThrow(() -> new IllegalStateException(kind + "/" + name + " has no input file"));
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String inputText() {
            return new String(inputBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case of one kind, sorted by name. Fails when an input has no expect file or the other way round. */
    static List<Case> cases(String kind) {
        Path dir = directory(kind);
        Map<String, Path> expects = new TreeMap<>();
        Map<String, Path> inputs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                int dot = fileName.indexOf('.');
                if (dot <= 0 || fileName.equals("README.md")) {
                    continue;
                }
                String stem = fileName.substring(0, dot);
                if (fileName.endsWith(".expect")) {
                    expects.put(stem, file);
                } else if (inputs.put(stem, file) != null) {
                    throw new IllegalStateException(kind + "/" + stem + " has more than one input file");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> orphans = inputs.keySet().stream().filter(stem -> !expects.containsKey(stem)).toList();
        if (!orphans.isEmpty()) {
            throw new IllegalStateException("hostile/" + kind + ": inputs without an .expect file: " + orphans);
        }
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Path> e : expects.entrySet()) {
            Expect expect = Expect.read(e.getValue());
            if (!inputs.containsKey(e.getKey()) && expect.first("generate").isEmpty()) {
                throw new IllegalStateException("hostile/" + kind + "/" + e.getKey()
                        + ".expect has neither an input file nor a generate: line");
            }
            cases.add(new Case(kind, e.getKey(), expect, Optional.ofNullable(inputs.get(e.getKey()))));
        }
        return cases;
    }

    /** The names of the cases of one kind, for {@code @MethodSource}. */
    static Stream<String> names(String kind) {
        return cases(kind).stream().map(Case::name);
    }

    static Case named(String kind, String name) {
        return cases(kind).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + kind + "/" + name));
    }

    static Path directory(String kind) {
        URL url = HostileCorpus.class.getResource("/hostile/" + kind);
        if (url == null) {
            throw new IllegalStateException("no test resource folder hostile/" + kind);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Expands the shared placeholders: {@code {{repeat:COUNT:TEXT}}} (TEXT, UTF-8, COUNT times) and
     * {@code {{hex:HEX}}} (raw bytes, spaces allowed), then hands any other placeholder to {@code other} (which
     * returns its UTF-8 text). Everything outside placeholders is copied as it is.
     */
    static byte[] render(byte[] template, Function<String, String> other) {
        String text = new String(template, StandardCharsets.ISO_8859_1); // byte-preserving
        Matcher m = PLACEHOLDER.matcher(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length);
        int last = 0;
        while (m.find()) {
            out.writeBytes(text.substring(last, m.start()).getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(expand(m.group(1), other));
            last = m.end();
        }
        out.writeBytes(text.substring(last).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] render(byte[] template) {
        return render(template, placeholder -> {
            throw new IllegalArgumentException("unknown placeholder {{" + placeholder + "}}");
        });
    }

    private static byte[] expand(String placeholder, Function<String, String> other) {
        if (placeholder.startsWith("repeat:")) {
            String[] parts = placeholder.split(":", 3);
            return parts[2].repeat(Integer.parseInt(parts[1])).getBytes(StandardCharsets.UTF_8);
        }
        if (placeholder.startsWith("hex:")) {
            return HexFormat.of().parseHex(placeholder.substring(4).replace(" ", ""));
        }
        return other.apply(placeholder).getBytes(StandardCharsets.UTF_8);
    }
}
