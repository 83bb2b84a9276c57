package io.certguard.bench;

import io.certguard.adapter.tls.AddressResolver;
import io.certguard.adapter.tls.JsseTlsProbe;
import io.certguard.adapter.tls.ProbeTimeouts;
import io.certguard.loopback.LoopbackTlsServer;
import io.certguard.loopback.ServedChain;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.tls.ProbeOutcome;
import io.certguard.tls.ProbeTarget;
import io.certguard.tls.TrustAnchors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Part "blackbox": the same N TLS endpoints (one loopback TLS server, a certificate per SNI name from one test CA)
 * probed with the same concurrency by Prometheus blackbox_exporter ({@code tcp} prober, {@code tls: true}, driven by
 * parallel {@code /probe} requests) and by certguard's {@link JsseTlsProbe} alone.
 *
 * <p>Comparable work on each side: a TCP connect to 127.0.0.1 (no name resolution on either side: blackbox's resolver
 * is the operating system's and cannot be pointed at a loopback DNS responder), a full TLS handshake sending the host
 * name as SNI, the chain verified against the test root only, and the host name checked against the leaf. blackbox
 * gets the name from a per-host module's {@code tls_config.server_name} (the generated config has one module per
 * host) and also answers an HTTP request with Prometheus metrics; certguard's probe also invalidates the session (no
 * resumption) and reads the served chain's dates. Each side first probes up to 100 hosts to warm up, untimed.
 */
final class BlackboxComparison {

    static final double RATIO_TARGET = 1.0;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int WARM_UP = 100;

    private final Path exporter;
    private final int endpoints;
    private final int concurrency;

    BlackboxComparison(Path exporter, int endpoints, int concurrency) {
        this.exporter = exporter;
        this.endpoints = endpoints;
        this.concurrency = concurrency;
    }

    PartReport run() throws IOException, InterruptedException, GeneralSecurityException {
        Instant now = Instant.now();
        TestPki pki = TestPki.create(now, KeyKind.EC_P256);
        KeyPair shared = KeyPairGenerator.getInstance("EC").generateKeyPair();
        HeldCertificate fallback = pki.leaf("unknown.invalid").keyPair(shared)
                .validFor(now.minus(Duration.ofDays(1)), Duration.ofDays(90)).build();
        Path dir = Files.createTempDirectory("certguard-bench-blackbox-");
        try (LoopbackTlsServer tls = LoopbackTlsServer.start(ServedChain.of(fallback, pki.intermediate(), pki.root()))) {
            List<String> hosts = new ArrayList<>();
            for (int i = 1; i <= endpoints; i++) {
                String host = ScanWorld.host(i);
                hosts.add(host);
                tls.serve(host, ServedChain.of(pki.leaf(host).keyPair(shared)
                        .validFor(now.minus(Duration.ofDays(1)), Duration.ofDays(90)).build(),
                        pki.intermediate(), pki.root()));
            }
            Path rootPem = dir.resolve("root.pem");
            Files.writeString(rootPem, pki.root().certificatePem());
            Path config = dir.resolve("blackbox.yml");
            Files.writeString(config, config(hosts, rootPem));

            JsseTlsProbe probe = new JsseTlsProbe(ProbeTimeouts.defaults(),
                    TrustAnchors.of(List.of(pki.root().certificate())), AddressResolver.system());
            InetAddress loopback = InetAddress.getLoopbackAddress();
            IntPredicate certguard = i -> probe.probe(ProbeTarget.of(hosts.get(i), tls.port()).connectingTo(loopback),
                    Instant.now()) instanceof ProbeOutcome.Reached reached && reached.certificate().verified();

            int port = freePort();
            Path log = dir.resolve("blackbox.log");
            Process process = new ProcessBuilder(exporter.toString(), "--config.file=" + config,
                    "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                awaitReady(http, port, process, log);
                IntPredicate blackbox = i -> blackboxProbe(http, port, i, tls.port());

                int warmUp = Math.min(WARM_UP, endpoints);
                Timed warmBlackbox = timed(blackbox, warmUp);
                Timed warmCertguard = timed(certguard, warmUp);
                Timed blackboxRun = timed(blackbox, endpoints);
                Timed certguardRun = timed(certguard, endpoints);

                String label = "N=" + endpoints;
                double ratio = certguardRun.millis() / blackboxRun.millis();
                PartReport report = new PartReport("blackbox");
                report.add(PartReport.Row.of(label, "blackbox_exporter wall time", blackboxRun.millis(), "ms"));
                report.add(PartReport.Row.of(label, "certguard probe wall time", certguardRun.millis(), "ms"));
                report.add(PartReport.Row.atMost(label, "certguard / blackbox", ratio, "ratio", RATIO_TARGET));
                report.add(PartReport.Row.of(label, "blackbox probes failed", blackboxRun.failures(), "count"));
                report.add(PartReport.Row.of(label, "certguard probes failed", certguardRun.failures(), "count"));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("endpoints", endpoints);
                details.put("concurrency", concurrency);
                details.put("blackbox_exporter", version(exporter));
                details.put("blackbox_does", "GET /probe?module=<host>&target=127.0.0.1:<port> per host; tcp prober, "
                        + "tls: true, tls_config.ca_file = the test root, tls_config.server_name = the host (SNI and "
                        + "name check); success = probe_success 1");
                details.put("certguard_does", "JsseTlsProbe.probe(host, port, connecting to 127.0.0.1): TCP connect, "
                        + "full handshake with SNI, session invalidated, chain verified against the test root only "
                        + "(TrustAnchors.of) with the host name checked; success = reached and verified");
                details.put("warm_up", Map.of("probes_per_side", warmUp, "blackbox_ms", warmBlackbox.millis(),
                        "certguard_ms", warmCertguard.millis()));
                details.put("tls_handshakes_served", tls.handshakeCount());
                details.put("machine", Machine.describe());
                report.detail("settings", details);
                return report;
            } finally {
                stop(process);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** One module per host: the tcp prober takes its SNI name from the module, not from the target. */
    private static String config(List<String> hosts, Path rootPem) {
        StringBuilder yaml = new StringBuilder("modules:\n");
        for (int i = 0; i < hosts.size(); i++) {
            yaml.append("  h").append(i).append(":\n")
                    .append("    prober: tcp\n")
                    .append("    timeout: ").append(PROBE_TIMEOUT.toSeconds()).append("s\n")
                    .append("    tcp:\n")
                    .append("      preferred_ip_protocol: ip4\n")
                    .append("      tls: true\n")
                    .append("      tls_config:\n")
                    .append("        ca_file: \"").append(rootPem).append("\"\n")
                    .append("        server_name: \"").append(hosts.get(i)).append("\"\n");
        }
        return yaml.toString();
    }

    private static boolean blackboxProbe(HttpClient http, int port, int host, int tlsPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/probe?module=h" + host
                + "&target=127.0.0.1:" + tlsPort)).timeout(PROBE_TIMEOUT.plusSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().lines().anyMatch("probe_success 1"::equals);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Probes hosts 0 … count−1, {@link #concurrency} at a time; wall time and how many failed. */
    private Timed timed(IntPredicate probe, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (!probe.test(i)) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        } // close() waits for every worker
        return new Timed((System.nanoTime() - start) / 1e6, failures.get());
    }

    private record Timed(double millis, long failures) {
    }

    private static void awaitReady(HttpClient http, int port, Process process, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest healthy = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/healthy"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("blackbox_exporter exited with " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            try {
                if (http.send(healthy, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("blackbox_exporter did not answer on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the exporter shuts down at once
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String version(Path exporter) {
        try {
            Process process = new ProcessBuilder(exporter.toString(), "--version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            return text.lines().findFirst().orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
