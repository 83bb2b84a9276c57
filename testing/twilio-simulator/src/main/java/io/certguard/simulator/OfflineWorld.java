package io.certguard.simulator;

import io.certguard.domain.DomainSid;
import io.certguard.loopback.LoopbackDnsServer;
import io.certguard.loopback.LoopbackTlsServer;
import io.certguard.loopback.ServedChain;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.twilio.TwilioCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything outside AWS that certguard talks to, on loopback: the Twilio simulator, one TLS server serving each
 * domain's certificate by SNI, a DNS responder resolving the domains to 127.0.0.1 (and answering CAA), and a test PKI
 * issuing the certificates. For end-to-end tests and the offline demo; {@link #environment()} gives the settings that
 * point certguard at it.
 */
public final class OfflineWorld implements AutoCloseable {

    /** Credentials the simulator accepts; the secret is a fixed test value, never a real one. */
    public static final TwilioCredentials CREDENTIALS = TwilioCredentials.apiKey("AC" + "1".repeat(32),
            "SK" + "2".repeat(32), "offline-api-key-secret");
    /** The same credentials in the JSON form of a credentials secret. */
    public static final String CREDENTIALS_JSON = "{\"accountSid\":\"" + CREDENTIALS.accountSid() + "\",\"apiKeySid\":\""
            + CREDENTIALS.username() + "\",\"apiKeySecret\":\"offline-api-key-secret\"}";

    private final TestPki pki;
    private final TwilioSimulator twilio;
    private final LoopbackTlsServer tls;
    private final LoopbackDnsServer dns;
    private final Instant start;
    private final Map<DomainSid, String> hosts = new LinkedHashMap<>();

    private OfflineWorld(TestPki pki, TwilioSimulator twilio, LoopbackTlsServer tls, LoopbackDnsServer dns, Instant start) {
        this.pki = pki;
        this.twilio = twilio;
        this.tls = tls;
        this.dns = dns;
        this.start = start;
    }

    /** Starts the simulator and the servers; {@code clock} drives the simulator's validation timeline. */
    public static OfflineWorld start(Clock clock) {
        return start(clock, List.of());
    }

    /** The same, with a Twilio that also accepts {@code moreCredentials} (other accounts, an auth token). */
    public static OfflineWorld start(Clock clock, List<TwilioCredentials> moreCredentials) {
        Instant now = clock.instant();
        TestPki pki = TestPki.create(now, KeyKind.EC_P256);
        TwilioSimulator.Builder simulator = TwilioSimulator.builder().acceptCredentials(CREDENTIALS).clock(clock);
        moreCredentials.forEach(simulator::acceptCredentials);
        TwilioSimulator twilio = simulator.build().start();
        try {
            HeldCertificate fallback = pki.leaf("unknown.invalid").key(KeyKind.EC_P256)
                    .validFor(now, Duration.ofDays(365)).build();
            LoopbackTlsServer tls = LoopbackTlsServer.start(ServedChain.of(fallback, pki.intermediate(), pki.root()));
            return new OfflineWorld(pki, twilio, tls, LoopbackDnsServer.start(), now);
        } catch (IOException e) {
            twilio.close();
            throw new UncheckedIOException("cannot start the loopback servers", e);
        }
    }

    public TestPki pki() {
        return pki;
    }

    public TwilioSimulator twilio() {
        return twilio;
    }

    public LoopbackTlsServer tls() {
        return tls;
    }

    public LoopbackDnsServer dns() {
        return dns;
    }

    /**
     * A customer-managed domain whose certificate expires at {@code notAfter}, at Twilio and on the TLS server alike.
     * {@code configure} adjusts the simulated domain (validation plan, ContinueOnFailure …).
     */
    public HeldCertificate addDomain(DomainSid sid, String host, Instant notAfter,
            UnaryOperator<SimulatedDomain> configure) {
        HeldCertificate leaf = issue(host, notAfter);
        twilio.addDomain(configure.apply(SimulatedDomain.of(sid, host).withCertificateExpiring(notAfter)));
        tls.serve(host, chain(leaf));
        dns.addA(host, "127.0.0.1");
        hosts.put(sid, host);
        return leaf;
    }

    /**
     * A leaf for {@code host} from the world's intermediate, valid from well before the world started. P-256 keys:
     * quick to generate for worlds of hundreds of domains.
     */
    public HeldCertificate issue(String host, Instant notAfter) {
        return issue(host, notAfter, KeyKind.EC_P256);
    }

    /** The same with the key type chosen, e.g. RSA 2048 for a bundle as Twilio's customers should upload it. */
    public HeldCertificate issue(String host, Instant notAfter, KeyKind key) {
        return pki.leaf(host).key(key).validity(start.minus(Duration.ofDays(60)), notAfter).build();
    }

    /** The chain the TLS server would serve for {@code leaf}: leaf, intermediate, root. */
    public ServedChain chain(HeldCertificate leaf) {
        return ServedChain.of(leaf, pki.intermediate(), pki.root());
    }

    /** What a renewed certificate bundle looks like: the full chain and the PKCS#8 key, as Twilio's TlsCert wants. */
    public String bundlePem(HeldCertificate leaf) {
        return pki.tlsCertPem(leaf);
    }

    /** Settings pointing certguard at this world: Twilio base URL, DOMAINS (with the TLS port) and DNS_RESOLVERS. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TWILIO_API_BASE_URL", twilio.baseUri().toString());
        StringBuilder domains = new StringBuilder();
        hosts.forEach((sid, host) -> domains.append(domains.isEmpty() ? "" : ",").append(sid).append('=').append(host)
                .append(':').append(tls.port()));
        env.put("DOMAINS", domains.toString());
        env.put("DNS_RESOLVERS", "127.0.0.1:" + dns.address().getPort());
        return env;
    }

    @Override
    public void close() {
        try {
            dns.close();
        } finally {
            try {
                tls.close();
            } finally {
                twilio.close();
            }
        }
    }
}
