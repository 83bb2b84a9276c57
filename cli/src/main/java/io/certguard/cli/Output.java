package io.certguard.cli;

import io.certguard.json.Json;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: results on stdout (JSON with {@code --json}, text otherwise), notes and progress on stderr,
 * so that {@code --json} output can be piped whatever else happens.
 */
public final class Output {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    public Output(PrintStream out, PrintStream err, boolean json) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.json = json;
    }

    /** Whether the result is to be written as JSON. */
    public boolean json() {
        return json;
    }

    /** The result document (maps, lists, strings, numbers, booleans and nulls) on stdout. */
    public void document(Object value) {
        out.println(Json.write(value));
        out.flush();
    }

    /** A line of the human result on stdout. */
    public void line(String text) {
        out.println(text);
    }

    /** A note or progress line on stderr. */
    public void note(String text) {
        err.println(text);
        err.flush();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }
}
