package io.certguard.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoopbackTlsServerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ChainScenarios scenarios;

    @BeforeAll
    static void createPki() {
        scenarios = new ChainScenarios(TestPki.create(NOW, KeyKind.EC_P256), NOW); // P-256: quick to generate
    }

    @Test
    void presentsTheChainForTheSniHostName_andTheDefaultChainOtherwise() throws Exception {
        ServedChain fallback = scenarios.valid("default.example.com");
        ServedChain links = scenarios.valid("links.example.com");
        try (LoopbackTlsServer server = LoopbackTlsServer.start(fallback)) {
            server.serve("Links.Example.com", links);

            assertThat(TrustingClient.handshake(server, Optional.of("links.example.com")).leaf()).isEqualTo(links.leaf());
            assertThat(TrustingClient.handshake(server, Optional.of("other.example.com")).leaf()).isEqualTo(fallback.leaf());
            assertThat(TrustingClient.handshake(server, Optional.empty()).leaf()).isEqualTo(fallback.leaf());

            List<RecordedHandshake> recorded = List.of(server.takeHandshake(WAIT), server.takeHandshake(WAIT),
                    server.takeHandshake(WAIT));
            assertThat(recorded).extracting(RecordedHandshake::resumed).containsOnly(false);
            assertThat(recorded).extracting(RecordedHandshake::serverName).containsExactlyInAnyOrder(
                    Optional.of("links.example.com"), Optional.of("other.example.com"), Optional.empty());
            assertThat(recorded).filteredOn(h -> h.serverName().equals(Optional.of("links.example.com")))
                    .singleElement().extracting(RecordedHandshake::servedLeaf).isEqualTo(links.leaf());
            assertThat(server.handshakeCount()).isEqualTo(3);
        }
    }

    @Test
    void replacesAHostsChainWhileRunning() throws Exception {
        try (LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("default.example.com"))) {
            ServedChain before = scenarios.valid("links.example.com");
            ServedChain after = scenarios.valid("links.example.com");
            server.serve("links.example.com", before);
            assertThat(TrustingClient.handshake(server, Optional.of("links.example.com")).leaf()).isEqualTo(before.leaf());

            server.serve("links.example.com", after);

            assertThat(TrustingClient.handshake(server, Optional.of("links.example.com")).leaf()).isEqualTo(after.leaf());
        }
    }

    @Test
    void resumesOfferedSessions_andSaysSo() throws Exception {
        // TLS 1.2: the session (and its ticket) arrive within the handshake, so a client that keeps it can resume.
        try (LoopbackTlsServer server = LoopbackTlsServer.builder(scenarios.valid("links.example.com"))
                .protocols("TLSv1.2").start()) {
            Optional<String> sni = Optional.of("links.example.com");

            TrustingClient.handshakeKeepingSession(server, sni);
            TrustingClient.handshakeKeepingSession(server, sni);
            TrustingClient.handshake(server, sni);
            TrustingClient.handshake(server, sni);

            assertThat(List.of(server.takeHandshake(WAIT), server.takeHandshake(WAIT), server.takeHandshake(WAIT),
                    server.takeHandshake(WAIT))).extracting(RecordedHandshake::resumed)
                    .containsExactly(false, true, true, false);
        }
    }

    @Test
    void servesEveryScenarioExactlyAsGiven() throws Exception {
        Map<String, ServedChain> chains = Map.of(
                "valid.example.com", scenarios.valid("valid.example.com"),
                "expired.example.com", scenarios.expiredLeaf("expired.example.com"),
                "wrong.example.com", scenarios.wrongHost(),
                "missing.example.com", scenarios.missingIntermediate("missing.example.com"),
                "self.example.com", scenarios.selfSigned("self.example.com"),
                "cross.example.com", scenarios.withUnusedCrossSign("cross.example.com"));
        try (LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("default.example.com"))) {
            chains.forEach(server::serve);

            for (Map.Entry<String, ServedChain> entry : chains.entrySet()) {
                assertThat(TrustingClient.handshake(server, Optional.of(entry.getKey())).chain())
                        .as(entry.getKey())
                        .containsExactlyElementsOf(entry.getValue().certificates());
            }
        }
        assertThat(chains.get("expired.example.com").leaf().getNotAfter().toInstant()).isBefore(NOW);
        assertThat(chains.get("missing.example.com").certificates()).hasSize(1);
        assertThat(chains.get("cross.example.com").certificates()).hasSize(3);
        assertThat(chains.get("self.example.com").leaf().getIssuerX500Principal())
                .isEqualTo(chains.get("self.example.com").leaf().getSubjectX500Principal());
    }

    @Test
    void servesRsaAndEcLeaves() throws Exception {
        HeldCertificate rsaLeaf = scenarios.pki().leaf("rsa.example.com").validFor(NOW, Duration.ofDays(30)).build();
        try (LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("ec.example.com"))) {
            server.serve("rsa.example.com", ServedChain.of(rsaLeaf, scenarios.pki().intermediate()));

            assertThat(TrustingClient.handshake(server, Optional.of("rsa.example.com")).leaf().getPublicKey().getAlgorithm())
                    .isEqualTo("RSA");
            assertThat(TrustingClient.handshake(server, Optional.of("ec.example.com")).leaf().getPublicKey().getAlgorithm())
                    .isEqualTo("EC");
        }
    }

    @Test
    void offersOnlyTheConfiguredProtocols() throws Exception {
        try (LoopbackTlsServer server = LoopbackTlsServer.builder(scenarios.valid("links.example.com"))
                .protocols("TLSv1.2").start()) {

            assertThat(TrustingClient.handshake(server, Optional.of("links.example.com")).protocol()).isEqualTo("TLSv1.2");
            assertThat(server.takeHandshake(WAIT).protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void completesManyConcurrentHandshakes() throws Exception {
        int hosts = 20;
        int clients = 100;
        List<ServedChain> chains = new ArrayList<>();
        try (LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("default.example.com"));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < hosts; i++) {
                chains.add(scenarios.valid("host" + i + ".example.com"));
                server.serve("host" + i + ".example.com", chains.get(i));
            }
            List<Future<TrustingClient.Seen>> seen = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String host = "host" + (i % hosts) + ".example.com";
                seen.add(pool.submit(() -> TrustingClient.handshake(server, Optional.of(host))));
            }

            for (int i = 0; i < clients; i++) {
                assertThat(seen.get(i).get().leaf()).isEqualTo(chains.get(i % hosts).leaf());
            }
            for (int i = 0; i < clients; i++) {
                server.takeHandshake(WAIT);
            }
            assertThat(server.handshakeCount()).isEqualTo(clients);
        }
    }

    @Test
    void listensOnLoopbackOnly_andStopsListeningWhenClosed() throws Exception {
        LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("links.example.com"));
        int port = server.port();
        assertThat(server.address().isLoopbackAddress()).isTrue();

        server.close();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.address(), port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void takeHandshakeSaysWhenNoneArrives() throws IOException {
        try (LoopbackTlsServer server = LoopbackTlsServer.start(scenarios.valid("links.example.com"))) {
            assertThatThrownBy(() -> server.takeHandshake(Duration.ofMillis(50)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no TLS handshake completed on port " + server.port() + " within PT0.05S");
        }
    }

    @Test
    void rejectsAnEmptyChain() {
        assertThatThrownBy(() -> new ServedChain(List.of(), scenarios.pki().intermediate().privateKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a served chain needs at least the leaf certificate");
    }
}
