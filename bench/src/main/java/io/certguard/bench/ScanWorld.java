package io.certguard.bench;

import io.certguard.domain.DomainSid;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.SimulatedDomain;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * N Link Shortening domains on loopback, built on {@link OfflineWorld}: the Twilio simulator with a fixed latency on
 * every request, ONE TLS server presenting each host's certificate by SNI, and one DNS responder answering the hosts'
 * A records and CAA. Every 10th domain's certificate expires in 10 days (so the first scan has alarms to send), the
 * others in 80 days (nothing to say).
 *
 * <p>Cheap at N = 5,000: all leaves share ONE key pair (the handshake cost of a probe does not depend on it being
 * unique) and are signed by the world's test intermediate, whose root the scan trusts through its trust store
 * ({@link #writeTrustStore}), as the JDK's default trust store would be in production.
 */
final class ScanWorld implements AutoCloseable {

    static final String ZONE = "bench.example";
    static final String TRUST_STORE_PASSWORD = "bench-test-root"; // guards nothing: the store holds one public root

    private final OfflineWorld world;
    private final int domains;
    private final String domainList;

    private ScanWorld(OfflineWorld world, int domains, String domainList) {
        this.world = world;
        this.domains = domains;
        this.domainList = domainList;
    }

    static ScanWorld start(int domains, Duration latency) {
        OfflineWorld world = OfflineWorld.start(Clock.systemUTC());
        try {
            world.twilio().latency(latency);
            Instant now = Instant.now();
            TestPki pki = world.pki();
            KeyPair shared = KeyPairGenerator.getInstance("EC").generateKeyPair(); // P-256, the JDK's default size
            // RFC 8659 §3: the CAA walk stops at the first name with records; this zone's record covers every host.
            world.dns().addCaa(ZONE, 0, "issue", "letsencrypt.org");
            StringBuilder list = new StringBuilder();
            for (int i = 1; i <= domains; i++) {
                String host = host(i);
                DomainSid sid = sid(i);
                Instant notAfter = now.plus(Duration.ofDays(i % 10 == 0 ? 10 : 80));
                HeldCertificate leaf = pki.leaf(host).keyPair(shared)
                        .validity(now.minus(Duration.ofDays(60)), notAfter).build();
                world.twilio().addDomain(SimulatedDomain.of(sid, host).withCertificateExpiring(notAfter));
                world.tls().serve(host, world.chain(leaf));
                world.dns().addA(host, "127.0.0.1");
                list.append(list.isEmpty() ? "" : ",").append(sid.value()).append('=').append(host).append(':')
                        .append(world.tls().port());
            }
            return new ScanWorld(world, domains, list.toString());
        } catch (GeneralSecurityException | RuntimeException e) {
            world.close();
            throw new IllegalStateException("cannot build a world of " + domains + " domains: " + e.getMessage(), e);
        }
    }

    static String host(int i) {
        return String.format(Locale.ROOT, "d%05d.%s", i, ZONE);
    }

    static DomainSid sid(int i) {
        return DomainSid.of(String.format(Locale.ROOT, "DN%032x", i));
    }

    int domains() {
        return domains;
    }

    OfflineWorld world() {
        return world;
    }

    /**
     * The scan's settings pointing at this world: Twilio's base URL, every domain with its host and the TLS server's
     * port, and the DNS responder as the only resolver (so addresses are resolved through {@code DNS_RESOLVERS}, not by
     * the operating system).
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TWILIO_API_BASE_URL", world.twilio().baseUri().toString());
        env.put("DOMAINS", domainList);
        env.put("DNS_RESOLVERS", "127.0.0.1:" + world.dns().address().getPort());
        return env;
    }

    /** A PKCS#12 trust store holding the world's root, for {@code -Djavax.net.ssl.trustStore}. */
    void writeTrustStore(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("bench-root", world.pki().root().certificate());
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a PKCS#12 trust store: " + e.getMessage(), e);
        }
    }

    /** What the world has served so far. */
    Counters counters() {
        return new Counters(world.twilio().requestCount(), world.tls().handshakeCount(), world.dns().queries().size());
    }

    record Counters(long twilioRequests, long tlsHandshakes, long dnsQueries) {

        Counters minus(Counters earlier) {
            return new Counters(twilioRequests - earlier.twilioRequests, tlsHandshakes - earlier.tlsHandshakes,
                    dnsQueries - earlier.dnsQueries);
        }

        Map<String, Object> toJson() {
            return Map.of("twilio_requests", twilioRequests, "tls_handshakes", tlsHandshakes, "dns_queries",
                    dnsQueries);
        }
    }

    @Override
    public void close() {
        world.close();
    }
}
