package io.certguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.json.Json;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The detector finds every form a planted secret can take, and takes certificates for what they are: public. */
class LeakDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-01T06:00:00Z");
    private static final TestPki PKI = TestPki.create(NOW, KeyKind.EC_P256);
    private static final HeldCertificate RSA = PKI.leaf("links.example.com").key(KeyKind.RSA_2048)
            .validFor(NOW, Duration.ofDays(90)).build();
    private static final String SECRET = "Xq3vT9bLm2Rk8ZpW4nYc7HdJ6sFa1GeU";

    private final LeakDetector detector = new LeakDetector()
            .privateKey("key", RSA.privateKey())
            .pem("key", PKI.chainPem(RSA) + RSA.privateKeyTraditionalPem())
            .basicCredentials("api secret", "SK" + "0123456789abcdef".repeat(2), SECRET)
            .phrase("passphrase", "short-pass-9");

    @Test
    void findsAPieceOfAKey_inEveryFormItIsWrittenIn() {
        String pkcs8 = body(RSA.privateKeyPkcs8Pem());
        String pkcs1 = body(RSA.privateKeyTraditionalPem());
        byte[] der = RSA.privateKey().getEncoded();
        BigInteger prime = ((RSAPrivateCrtKey) RSA.privateKey()).getPrimeP();

        assertThat(detector.find("near " + pkcs8.substring(900, 920) + " end")).isPresent();
        assertThat(detector.find("near " + pkcs1.substring(700, 720))).isPresent();
        assertThat(detector.find("bytes " + HexFormat.ofDelimiter(":").formatHex(der, 600, 620))).isPresent();
        assertThat(detector.find("p=" + prime.toString().substring(10, 40))).isPresent();
        assertThat(detector.find("p=" + prime.toString(16).substring(10, 50))).isPresent();
        assertThat(detector.find(Json.write(RSA.privateKeyPkcs8Pem()))).as("a key as a JSON string").isPresent();
        assertThat(detector.find(pkcs8.substring(880, 900) + "\n" + pkcs8.substring(900, 910)))
                .as("a window across a line break").isPresent();
    }

    @Test
    void findsAPhraseWholeOrInPart_andCredentialsAsHttpBasicSendsThem() {
        assertThat(detector.find("secret=" + SECRET)).isPresent();
        assertThat(detector.find("…" + SECRET.substring(10, 28) + "…")).isPresent();
        assertThat(detector.find("passphrase short-pass-9 given")).isPresent();
        String basic = Base64.getEncoder().encodeToString(("SK" + "0123456789abcdef".repeat(2) + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(detector.find("Authorization: Basic " + basic)).isPresent();
        assertThat(detector.find("Authorization: Basic " + basic).orElseThrow().secret()).isEqualTo("api secret");
    }

    @Test
    void certificatesAndOrdinaryTextAreNotLeaks() {
        assertThat(detector.find(PKI.chainPem(RSA))).as("certificates are public, the modulus too").isEmpty();
        assertThat(detector.find("links.example.com certificate expires in 20 days; SHA-256 "
                + "3e7f44fb0a3c1d2e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8e768")).isEmpty();
        assertThat(detector.secrets()).isEqualTo(3);
    }

    private static String body(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
    }
}
