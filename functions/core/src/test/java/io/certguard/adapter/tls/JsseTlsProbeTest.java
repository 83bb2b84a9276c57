package io.certguard.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.certguard.loopback.ChainScenarios;
import io.certguard.loopback.LoopbackTlsServer;
import io.certguard.loopback.MisbehavingTcpServer;
import io.certguard.loopback.MisbehavingTcpServer.Behaviour;
import io.certguard.loopback.RecordedHandshake;
import io.certguard.loopback.ServedChain;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.tls.EarliestExpiry;
import io.certguard.tls.EarliestExpiry.Role;
import io.certguard.tls.LiveCertificate;
import io.certguard.tls.ProbeOutcome;
import io.certguard.tls.ProbeOutcome.Reached;
import io.certguard.tls.ProbeOutcome.Unreachable;
import io.certguard.tls.ProbeOutcome.Unreachable.Kind;
import io.certguard.tls.ProbeTarget;
import io.certguard.tls.TrustAnchors;
import io.certguard.tls.VerificationProblem;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe over the wire, against {@link LoopbackTlsServer} serving chains from a test PKI. */
class JsseTlsProbeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String HOST = "links.example.com";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Every target here carries its address; a lookup would mean the probe ignored it. */
    private static final AddressResolver NO_LOOKUPS = host -> fail("unexpected name lookup for " + host);

    private static ChainScenarios scenarios;
    private static JsseTlsProbe probe;

    private LoopbackTlsServer server;

    @BeforeAll
    static void createPkiAndProbe() {
        scenarios = new ChainScenarios(TestPki.create(NOW, KeyKind.EC_P256), NOW); // P-256: quick to generate
        probe = new JsseTlsProbe(ProbeTimeouts.defaults(),
                TrustAnchors.of(List.of(scenarios.pki().root().certificate())), NO_LOOKUPS);
    }

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackTlsServer.start(scenarios.valid("default.example.com"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void validChain_isVerified_andDescribesTheLeaf() {
        ServedChain chain = scenarios.valid(HOST);
        X509Certificate leaf = chain.leaf();
        server.serve(HOST, chain);

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isTrue();
        assertThat(live.verificationError()).isEmpty();
        assertThat(live.subject()).isEqualTo("CN=" + HOST);
        assertThat(live.issuer()).isEqualTo("CN=certguard Test Intermediate");
        assertThat(live.names().dnsNames()).containsExactly(HOST);
        assertThat(live.notBefore()).isEqualTo(leaf.getNotBefore().toInstant());
        assertThat(live.notAfter()).isEqualTo(NOW.plus(ChainScenarios.LEAF_LIFETIME));
        assertThat(live.sha256Fingerprint()).isEqualTo(CertificateFingerprint.sha256(leaf)).hasSize(64);
        assertThat(live.serialNumber()).isEqualTo(leaf.getSerialNumber().toString(16));
        assertThat(live.servedChainSize()).isEqualTo(2);
        assertThat(live.protocol()).isEqualTo("TLSv1.3");
        assertThat(live.cipherSuite()).startsWith("TLS_");
        assertThat(live.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(ChainScenarios.LEAF_LIFETIME), Role.LEAF, "CN=" + HOST));
    }

    @Test
    void intermediateExpiringBeforeTheLeaf_isTheEarliestExpiry() {
        HeldCertificate intermediate = scenarios.pki().issueIntermediate("Short Intermediate",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(4)));
        server.serve(HOST, ServedChain.of(scenarios.pki().leaf(HOST).key(KeyKind.EC_P256).signedBy(intermediate)
                .validFor(NOW, Duration.ofDays(60)).build(), intermediate));

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isTrue();
        assertThat(live.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(live.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(Duration.ofDays(4)), Role.INTERMEDIATE, "CN=Short Intermediate"));
    }

    @Test
    void expiredLeaf_isNotVerified_butItsDatesAreStillReported() {
        ServedChain chain = scenarios.expiredLeaf(HOST);
        server.serve(HOST, chain);

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isFalse();
        assertThat(live.verification().problems()).extracting(VerificationProblem::kind)
                .containsExactly(VerificationProblem.Kind.EXPIRED);
        assertThat(live.verificationError()).contains("expired: the leaf certificate CN=" + HOST + " expired at "
                + NOW.minus(Duration.ofDays(1)));
        assertThat(live.notAfter()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(live.sha256Fingerprint()).isEqualTo(CertificateFingerprint.sha256(chain.leaf()));
        assertThat(live.earliestExpiry()).isEmpty();
    }

    @Test
    void wrongHost_isAHostnameMismatch() {
        server.serve(HOST, scenarios.wrongHost());

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isFalse();
        assertThat(live.verificationError()).contains("hostname mismatch: the leaf certificate is for DNS names ["
                + ChainScenarios.WRONG_HOST + "], not " + HOST);
        assertThat(live.names().dnsNames()).containsExactly(ChainScenarios.WRONG_HOST);
    }

    @Test
    void missingIntermediate_isAnIncompleteChain() {
        server.serve(HOST, scenarios.missingIntermediate(HOST));

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isFalse();
        assertThat(live.verification().problems()).extracting(VerificationProblem::kind)
                .containsExactly(VerificationProblem.Kind.INCOMPLETE_CHAIN);
        assertThat(live.verificationError()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("incomplete chain: the server did not send the certificate of CN=certguard Test Intermediate"));
        assertThat(live.servedChainSize()).isEqualTo(1);
        assertThat(live.notAfter()).isEqualTo(NOW.plus(ChainScenarios.LEAF_LIFETIME));
    }

    @Test
    void selfSigned_isUntrusted() {
        server.serve(HOST, scenarios.selfSigned(HOST));

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isFalse();
        assertThat(live.verificationError()).contains(
                "untrusted issuer: the leaf certificate CN=" + HOST + " is self-signed, and not a trusted root");
        assertThat(live.issuer()).isEqualTo(live.subject());
    }

    @Test
    void unusedCrossSignExpiringFirst_doesNotBecomeTheEarliestExpiry() {
        ServedChain chain = scenarios.withUnusedCrossSign(HOST);
        server.serve(HOST, chain);

        LiveCertificate live = reach(probe.probe(target(HOST, server), NOW));

        X509Certificate crossSign = chain.certificates().get(2);
        assertThat(crossSign.getNotAfter().toInstant()).isBefore(live.notAfter());
        assertThat(live.verified()).isTrue();
        assertThat(live.servedChainSize()).isEqualTo(3);
        assertThat(live.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(ChainScenarios.LEAF_LIFETIME), Role.LEAF, "CN=" + HOST));
    }

    @Test
    void sendsTheHostAsSni_whileConnectingToTheGivenAddress() throws Exception {
        server.serve(HOST, scenarios.valid(HOST));

        reach(probe.probe(target("LINKS.example.com.", server), NOW));

        assertThat(server.takeHandshake(WAIT).serverName()).contains(HOST);
    }

    @Test
    void ipAddressTarget_sendsNoSni_andIsMatchedAgainstIpAddressNames() throws Exception {
        HeldCertificate leaf = scenarios.pki().leaf("loopback").key(KeyKind.EC_P256).ipAddress("127.0.0.1")
                .validFor(NOW, Duration.ofDays(30)).build();
        try (LoopbackTlsServer byAddress = LoopbackTlsServer.start(ServedChain.of(leaf, scenarios.pki().intermediate()))) {

            LiveCertificate live = reach(probe.probe(ProbeTarget.of("127.0.0.1", byAddress.port())
                    .connectingTo(byAddress.address()), NOW));

            assertThat(live.verified()).isTrue();
            assertThat(live.names().ipAddresses()).containsExactly("127.0.0.1");
            assertThat(byAddress.takeHandshake(WAIT).serverName()).isEmpty();
        }
    }

    @Test
    void reportsTheNegotiatedProtocol() throws Exception {
        try (LoopbackTlsServer tls12 = LoopbackTlsServer.builder(scenarios.valid(HOST)).protocols("TLSv1.2").start()) {

            LiveCertificate live = reach(probe.probe(target(HOST, tls12), NOW));

            assertThat(live.protocol()).isEqualTo("TLSv1.2");
            assertThat(live.cipherSuite()).startsWith("TLS_ECDHE_ECDSA_");
            assertThat(live.verified()).isTrue();
        }
    }

    @Test
    void everyProbeIsAFullHandshake_neverAResumedSession() throws Exception {
        // TLS 1.2 hands out resumable sessions within the handshake; a resumed one would show only an old certificate.
        try (LoopbackTlsServer tls12 = LoopbackTlsServer.builder(scenarios.valid(HOST)).protocols("TLSv1.2").start()) {

            reach(probe.probe(target(HOST, tls12), NOW));
            reach(probe.probe(target(HOST, tls12), NOW));

            assertThat(List.of(tls12.takeHandshake(WAIT), tls12.takeHandshake(WAIT)))
                    .extracting(RecordedHandshake::resumed).containsExactly(false, false);
        }
    }

    @Test
    void replacedCertificate_isSeenByTheNextProbe() throws Exception {
        try (LoopbackTlsServer tls12 = LoopbackTlsServer.builder(scenarios.valid("default.example.com"))
                .protocols("TLSv1.2").start()) {
            ServedChain before = scenarios.valid(HOST);
            ServedChain after = scenarios.valid(HOST);
            tls12.serve(HOST, before);
            assertThat(reach(probe.probe(target(HOST, tls12), NOW)).sha256Fingerprint())
                    .isEqualTo(CertificateFingerprint.sha256(before.leaf()));

            tls12.serve(HOST, after);

            assertThat(reach(probe.probe(target(HOST, tls12), NOW)).sha256Fingerprint())
                    .isEqualTo(CertificateFingerprint.sha256(after.leaf()));
        }
    }

    @Test
    void jdkTrustStore_doesNotTrustTheTestPki() {
        server.serve(HOST, scenarios.valid(HOST));
        JsseTlsProbe production = JsseTlsProbe.withJdkTrustStore(ProbeTimeouts.defaults());

        LiveCertificate live = reach(production.probe(target(HOST, server), NOW));

        assertThat(live.verified()).isFalse();
        assertThat(live.verification().problems()).extracting(VerificationProblem::kind)
                .containsExactly(VerificationProblem.Kind.INCOMPLETE_CHAIN);
        assertThat(live.notAfter()).isEqualTo(NOW.plus(ChainScenarios.LEAF_LIFETIME));
    }

    @Test
    void refusedPort_isUnreachableAtConnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Unreachable outcome = unreachable(probe.probe(ProbeTarget.of(HOST, closedPort)
                .connectingTo(InetAddress.getLoopbackAddress()), NOW));

        assertThat(outcome.kind()).isEqualTo(Kind.CONNECT);
        assertThat(outcome.message()).startsWith("cannot connect to " + HOST + " (127.0.0.1 port " + closedPort + "): ");
    }

    @Test
    void serverThatNeverAnswers_timesOutTheHandshake() throws Exception {
        JsseTlsProbe impatient = new JsseTlsProbe(new ProbeTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)),
                TrustAnchors.of(List.of(scenarios.pki().root().certificate())), NO_LOOKUPS);
        try (MisbehavingTcpServer silent = MisbehavingTcpServer.start(Behaviour.SILENT)) {

            Unreachable outcome = unreachable(impatient.probe(ProbeTarget.of(HOST, silent.port())
                    .connectingTo(silent.address()), NOW));

            assertThat(outcome.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(outcome.message()).isEqualTo("TLS handshake with " + HOST + " (127.0.0.1 port " + silent.port()
                    + ") did not complete within 200 ms");
        }
    }

    @Test
    void serverThatTricklesBytes_isCutOffAtTheHandshakeDeadline() throws Exception {
        // Each byte arrives well inside the read timeout; only the deadline on the whole handshake ends the wait.
        JsseTlsProbe impatient = new JsseTlsProbe(new ProbeTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
                TrustAnchors.of(List.of(scenarios.pki().root().certificate())), NO_LOOKUPS);
        try (MisbehavingTcpServer trickling = MisbehavingTcpServer.start(Behaviour.TRICKLE)) {

            Unreachable outcome = unreachable(impatient.probe(ProbeTarget.of(HOST, trickling.port())
                    .connectingTo(trickling.address()), NOW));

            assertThat(outcome.kind()).isEqualTo(Kind.TIMEOUT);
        }
    }

    @Test
    void plaintextServer_isAHandshakeFailure() throws Exception {
        try (MisbehavingTcpServer http = MisbehavingTcpServer.start(Behaviour.PLAINTEXT_HTTP)) {

            Unreachable outcome = unreachable(probe.probe(ProbeTarget.of(HOST, http.port())
                    .connectingTo(http.address()), NOW));

            assertThat(outcome.kind()).isEqualTo(Kind.HANDSHAKE);
            assertThat(outcome.message()).startsWith("TLS handshake with " + HOST + " (127.0.0.1 port " + http.port()
                    + ") failed: ");
        }
    }

    @Test
    void unresolvableHost_isUnreachableAtDns() {
        JsseTlsProbe withFailingDns = new JsseTlsProbe(ProbeTimeouts.defaults(),
                TrustAnchors.of(List.of(scenarios.pki().root().certificate())), host -> {
                    throw new UnknownHostException(host + ": Name or service not known");
                });

        Unreachable outcome = unreachable(withFailingDns.probe(ProbeTarget.of("nowhere.example.com", 443), NOW));

        assertThat(outcome).isEqualTo(new Unreachable(Kind.DNS,
                "cannot resolve nowhere.example.com: nowhere.example.com: Name or service not known"));
    }

    @Test
    void concurrentProbes_eachSeeTheirOwnHostsCertificate() throws Exception {
        int hosts = 10;
        int probes = 50;
        List<ServedChain> chains = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            chains.add(scenarios.valid("host" + i + ".example.com"));
            server.serve("host" + i + ".example.com", chains.get(i));
        }
        List<Future<ProbeOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < probes; i++) {
                ProbeTarget target = target("host" + (i % hosts) + ".example.com", server);
                outcomes.add(pool.submit(() -> probe.probe(target, NOW)));
            }

            for (int i = 0; i < probes; i++) {
                LiveCertificate live = reach(outcomes.get(i).get());
                assertThat(live.verified()).isTrue();
                assertThat(live.sha256Fingerprint()).isEqualTo(CertificateFingerprint.sha256(chains.get(i % hosts).leaf()));
            }
        }
    }

    private static ProbeTarget target(String host, LoopbackTlsServer server) {
        return ProbeTarget.of(host, server.port()).connectingTo(server.address());
    }

    private static LiveCertificate reach(ProbeOutcome outcome) {
        assertThat(outcome).isInstanceOf(Reached.class);
        return ((Reached) outcome).certificate();
    }

    private static Unreachable unreachable(ProbeOutcome outcome) {
        assertThat(outcome).isInstanceOf(Unreachable.class);
        return (Unreachable) outcome;
    }
}
