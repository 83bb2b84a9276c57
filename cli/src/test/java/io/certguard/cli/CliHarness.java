package io.certguard.cli;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in-process and captures what it writes. */
public final class CliHarness {

    /** The clock of in-process runs (commands that take --now are given it explicitly where it matters). */
    public static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

    private CliHarness() {
    }

    /** Exit status, stdout and stderr of one run. */
    public record Result(int exit, String out, String err) {

        public JsonObject json() {
            return Json.parseObject(out);
        }

        /** Everything written, for checks that must hold for both streams (no secret, no stack trace). */
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(Map<String, String> env, String... args) {
        return run(Cli.standard(Clock.fixed(T0, ZoneOffset.UTC)), env, args);
    }

    public static Result run(Cli cli, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = cli.execute(args, o, e, env);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
