package io.certguard.cli;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a run over several items, one line per finished item on stderr ({@code [2/5] links.example.com:
 * checked}), so a person watching a long run sees it move while stdout stays the result alone. Thread-safe.
 */
public final class Progress {

    private final Output output;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    private Progress(Output output, int total) {
        this.output = output;
        this.total = total;
    }

    /** Announces the run ({@code scanning 5 domains…}). */
    public static Progress start(Output output, int total, String what) {
        Objects.requireNonNull(output, "output").note(what + "…");
        return new Progress(output, total);
    }

    /** One item finished. */
    public void step(String message) {
        output.note("[" + done.incrementAndGet() + "/" + total + "] " + message);
    }
}
