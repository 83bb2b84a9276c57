package io.certguard.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The smallest stand-in for Lambda's Java runtime that still does what costs time at a cold start: load the handler
 * class by name, construct it (init), then call {@code handleRequest} once with an event and a {@link BenchContext}.
 * Amazon's runtime interface client adds its own class loading and a Runtime API round trip on top; this measures
 * the function's own share.
 *
 * <p>Arguments: handler class, event file, timings file, and {@code --snapstart} to run the registered CRaC hooks
 * between init and the invocation as a SnapStart checkpoint would (needs {@code -Dorg.crac.Core.Compat=}
 * {@code io.certguard.bench.crac}). Timings are epoch microseconds, written as {@code name=value} lines, so the
 * launcher can subtract its own launch instant.
 */
public final class LambdaBootstrap {

    private LambdaBootstrap() {
    }

    public static void main(String[] args) throws Exception {
        long mainStart = micros();
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: LambdaBootstrap HANDLER_CLASS EVENT_FILE TIMINGS_FILE [--snapstart]");
        }
        boolean snapStart = args.length > 3 && args[3].equals("--snapstart");
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long initEnd = micros();
        if (snapStart) {
            org.crac.Core.checkpointRestore();
        }
        long restored = micros();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, new BenchContext(600_000));
        long invokeEnd = micros();
        // CPU time of all the JVM's threads so far (JIT and GC included): less sensitive than wall time to a busy
        // machine, and what Lambda's fraction of a vCPU pays for. Read after the measurement; clock-tick resolution.
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1_000).orElse(-1L);
        Files.writeString(Path.of(args[2]), "mainStart=" + mainStart + "\ninitEnd=" + initEnd + "\nrestored=" + restored
                + "\ninvokeEnd=" + invokeEnd + "\ncpu=" + cpu + "\nresponse=" + response.toString(StandardCharsets.UTF_8).replace('\n', ' ')
                + "\n");
        System.out.flush();
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
