package io.certguard.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's {@code .expect} file: {@code key: value} lines, in order, a key possibly repeated; blank lines and lines
 * starting with {@code #} (the case's description) are ignored. A value runs to the end of its line, spaces included.
 */
record Expect(Path file, List<Map.Entry<String, String>> entries) {

    Expect {
        entries = List.copyOf(entries);
    }

    static Expect read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(file + " line " + (i + 1) + " is not \"key: value\"");
            }
            entries.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        if (entries.stream().noneMatch(e -> e.getKey().equals("outcome"))) {
            throw new IllegalStateException(file + " has no \"outcome:\" line");
        }
        return new Expect(file, entries);
    }

    /** The value of the first line with this key. */
    Optional<String> first(String key) {
        return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
    }

    String required(String key) {
        return first(key).orElseThrow(() -> new IllegalStateException(file + " has no \"" + key + ":\" line"));
    }

    /** Every value of this key, in order. */
    List<String> all(String key) {
        return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }

    /** The entries whose key starts with {@code prefix}, the prefix removed from the key. */
    List<Map.Entry<String, String>> withPrefix(String prefix) {
        return entries.stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> Map.entry(e.getKey().substring(prefix.length()), e.getValue())).toList();
    }
}
