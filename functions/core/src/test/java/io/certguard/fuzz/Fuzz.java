package io.certguard.fuzz;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small seeded property runner: {@code tries} inputs drawn from a generator, each checked by a property that throws
 * when it does not hold. Seeded and deterministic, so a failure names the seed and try that reproduce it.
 *
 * <p>Why not jqwik: version 1.10.1 runs on this JUnit Platform, but from 1.10 on its engine prints to every run that AI
 * agents must not use the library; a property runner this small is written here instead of going against its author's
 * stated wish.
 *
 * <p>Tries scale with the system property {@code certguard.fuzz.scale} (default 1; Maven passes it through, e.g.
 * {@code -Dcertguard.fuzz.scale=50} for the long run), and the seed with {@code certguard.fuzz.seed} (default: each
 * property's own fixed seed).
 */
final class Fuzz {

    private Fuzz() {
    }

    static int tries(int base) {
        return Math.max(1, (int) Math.min(Integer.MAX_VALUE, (long) base * Long.getLong("certguard.fuzz.scale", 1)));
    }

    static long seed(long base) {
        return Long.getLong("certguard.fuzz.seed", base);
    }

    /**
     * Runs the property over {@code tries} generated inputs and returns how many ran. The whole run is bounded by
     * {@code perTry × tries} plus ten seconds (a hang fails it), so the bound grows with {@code certguard.fuzz.scale}.
     */
    static <T> int forAll(String property, long seed, int tries, Duration perTry, Function<Random, T> generator,
                          Consumer<T> check) {
        Duration bound = perTry.multipliedBy(tries).plusSeconds(10);
        return Assertions.assertTimeoutPreemptively(bound, () -> run(property, seed, tries, generator, check),
                () -> property + " did not finish " + tries + " tries of seed " + seed + " within " + bound);
    }

    private static <T> int run(String property, long seed, int tries, Function<Random, T> generator, Consumer<T> check) {
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (Throwable t) {
                throw new AssertionError(property + " failed at try " + i + " of seed " + seed + " (rerun with"
                        + " -Dcertguard.fuzz.seed=" + seed + "); input: " + show(input), t);
            }
        }
        return tries;
    }

    /** A short, printable rendering of a failing input. */
    static String show(Object input) {
        String text = input instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 400))
                : String.valueOf(input);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), 600); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out + (text.length() > 600 ? "…(" + text.length() + " characters)" : "");
    }
}
