package io.certguard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.tls.EarliestExpiry.Role;
import io.certguard.tls.VerificationProblem.Kind;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String HOST = "links.example.com";

    private static TestPki pki;
    private static ChainVerifier verifier;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(NOW, KeyKind.EC_P256); // P-256: quick to generate
        verifier = new ChainVerifier(TrustAnchors.of(List.of(pki.root().certificate())));
    }

    @Test
    void validChain_isVerified_andTheLeafExpiresFirst() {
        HeldCertificate leaf = leaf(HOST, Duration.ofDays(30));

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate()), HOST, NOW);

        assertThat(result.verified()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.error()).isEmpty();
        assertThat(result.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(Duration.ofDays(30)), Role.LEAF, "CN=" + HOST));
    }

    @Test
    void intermediateExpiringBeforeTheLeaf_isTheEarliestExpiry() {
        HeldCertificate intermediate = pki.issueIntermediate("Short Intermediate", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3)));
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.EC_P256).signedBy(intermediate)
                .validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = verifier.verify(chain(leaf, intermediate), HOST, NOW);

        assertThat(result.verified()).isTrue();
        assertThat(result.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(Duration.ofDays(3)), Role.INTERMEDIATE, "CN=Short Intermediate"));
    }

    @Test
    void trustAnchorExpiringFirst_isTheEarliestExpiry_thoughPkixStillAcceptsIt() {
        HeldCertificate shortRoot = HeldCertificate.builder().commonName("Short Root").key(KeyKind.EC_P256)
                .certificateAuthority(0).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2))).build();
        HeldCertificate leaf = HeldCertificate.builder().dnsName(HOST).key(KeyKind.EC_P256).signedBy(shortRoot)
                .validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = new ChainVerifier(TrustAnchors.of(List.of(shortRoot.certificate())))
                .verify(chain(leaf), HOST, NOW);

        assertThat(result.verified()).isTrue();
        assertThat(result.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(Duration.ofDays(2)), Role.TRUST_ANCHOR, "CN=Short Root"));
    }

    @Test
    void servedOutOfOrderWithTheRoot_stillVerifies() {
        HeldCertificate leaf = leaf(HOST, Duration.ofDays(30));

        ChainVerification result = verifier.verify(chain(leaf, pki.root(), pki.intermediate()), HOST, NOW);

        assertThat(result.verified()).isTrue();
    }

    @Test
    void unusedCrossSign_isNotTheEarliestExpiry() {
        HeldCertificate legacyRoot = legacyRoot();
        HeldCertificate crossSign = pki.crossSignRoot(legacyRoot, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(5)));
        HeldCertificate leaf = leaf(HOST, Duration.ofDays(30));

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate(), crossSign), HOST, NOW);

        assertThat(result.verified()).isTrue();
        assertThat(result.earliestExpiry()).contains(
                new EarliestExpiry(NOW.plus(Duration.ofDays(30)), Role.LEAF, "CN=" + HOST));
    }

    @Test
    void crossSignOnTheOnlyPathToTheAnchor_isTheEarliestExpiry() {
        HeldCertificate legacyRoot = legacyRoot();
        HeldCertificate crossSign = pki.crossSignRoot(legacyRoot, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(5)));
        HeldCertificate leaf = leaf(HOST, Duration.ofDays(30));
        ChainVerifier trustingOnlyLegacy = new ChainVerifier(TrustAnchors.of(List.of(legacyRoot.certificate())));

        ChainVerification result = trustingOnlyLegacy.verify(chain(leaf, pki.intermediate(), crossSign), HOST, NOW);

        assertThat(result.verified()).isTrue();
        assertThat(result.earliestExpiry()).contains(new EarliestExpiry(NOW.plus(Duration.ofDays(5)), Role.INTERMEDIATE,
                pki.root().certificate().getSubjectX500Principal().getName()));
    }

    @Test
    void expiredLeaf_isReportedWithItsDate() {
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.EC_P256)
                .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))).build();

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate()), HOST, NOW);

        assertThat(result.verified()).isFalse();
        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.EXPIRED,
                "expired: the leaf certificate CN=" + HOST + " expired at " + NOW.minus(Duration.ofDays(1))));
        assertThat(result.earliestExpiry()).isEmpty();
    }

    @Test
    void expiredIntermediate_isNamed() {
        HeldCertificate intermediate = pki.issueIntermediate("Old Intermediate", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(2)));
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.EC_P256).signedBy(intermediate)
                .validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = verifier.verify(chain(leaf, intermediate), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.EXPIRED,
                "expired: the intermediate certificate CN=Old Intermediate expired at " + NOW.minus(Duration.ofDays(2))));
    }

    @Test
    void leafNotYetValid_isReported() {
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.EC_P256)
                .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(91))).build();

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate()), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.NOT_YET_VALID,
                "not yet valid: the leaf certificate CN=" + HOST + " is valid only from " + NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void missingIntermediate_isAnIncompleteChain() {
        ChainVerification result = verifier.verify(chain(leaf(HOST, Duration.ofDays(30))), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.INCOMPLETE_CHAIN,
                "incomplete chain: the server did not send the certificate of CN=certguard Test Intermediate, which"
                        + " issued the leaf certificate CN=" + HOST + ", and it is not a trusted root (is the"
                        + " intermediate certificate missing?)"));
        assertThat(result.earliestExpiry()).isEmpty();
    }

    @Test
    void selfSignedLeaf_isUntrusted() {
        HeldCertificate leaf = HeldCertificate.builder().commonName(HOST).dnsName(HOST).key(KeyKind.EC_P256)
                .validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = verifier.verify(chain(leaf), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.UNTRUSTED_ISSUER,
                "untrusted issuer: the leaf certificate CN=" + HOST + " is self-signed, and not a trusted root"));
    }

    @Test
    void chainEndingAtAnUntrustedRoot_isUntrusted() {
        HeldCertificate leaf = leaf(HOST, Duration.ofDays(30));
        ChainVerifier trustingOther = new ChainVerifier(TrustAnchors.of(List.of(legacyRoot().certificate())));

        ChainVerification result = trustingOther.verify(chain(leaf, pki.intermediate(), pki.root()), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.UNTRUSTED_ISSUER,
                "untrusted issuer: the chain ends at the self-signed root CN=certguard Test Root, which is not a"
                        + " trusted root"));
    }

    @Test
    void issuerNamedLikeATrustedRootButSignedWithAnotherKey_isUntrusted() {
        TestPki lookalike = TestPki.create(NOW, KeyKind.EC_P256); // same root name, different keys
        HeldCertificate leaf = lookalike.leaf(HOST).key(KeyKind.EC_P256).validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = verifier.verify(chain(leaf, lookalike.intermediate()), HOST, NOW);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.UNTRUSTED_ISSUER);
            assertThat(problem.message()).isEqualTo("untrusted issuer: the intermediate certificate"
                    + " CN=certguard Test Intermediate names the trusted root CN=certguard Test Root as its issuer,"
                    + " but that root's key does not verify its signature");
        });
    }

    @Test
    void leafSignedByANonCaCertificate_isAnInvalidChain() {
        HeldCertificate notACa = leaf("not-a-ca.example.com", Duration.ofDays(60));
        HeldCertificate leaf = HeldCertificate.builder().dnsName(HOST).key(KeyKind.EC_P256).signedBy(notACa)
                .validFor(NOW, Duration.ofDays(30)).build();

        ChainVerification result = verifier.verify(chain(leaf, notACa, pki.intermediate()), HOST, NOW);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INVALID_CHAIN);
            // Which check fires first (key usage or basic constraints) is the JDK's business; the certificate is ours.
            assertThat(problem.message()).startsWith(
                    "invalid chain: the intermediate certificate CN=not-a-ca.example.com was rejected (");
        });
    }

    @Test
    void wrongHost_isAHostnameMismatch_butThePathStillHasAnEarliestExpiry() {
        HeldCertificate leaf = leaf("other.example.com", Duration.ofDays(30));

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate()), HOST, NOW);

        assertThat(result.problems()).containsExactly(new VerificationProblem(Kind.HOSTNAME_MISMATCH,
                "hostname mismatch: the leaf certificate is for DNS names [other.example.com], not " + HOST));
        assertThat(result.earliestExpiry()).map(EarliestExpiry::role).contains(Role.LEAF);
    }

    @Test
    void expiredAndWrongHost_reportsBoth() {
        HeldCertificate leaf = pki.leaf("other.example.com").key(KeyKind.EC_P256)
                .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))).build();

        ChainVerification result = verifier.verify(chain(leaf, pki.intermediate()), HOST, NOW);

        assertThat(result.problems()).extracting(VerificationProblem::kind)
                .containsExactly(Kind.EXPIRED, Kind.HOSTNAME_MISMATCH);
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("expired: the leaf certificate CN=other.example.com")
                .contains("; hostname mismatch: "));
    }

    @Test
    void jdkDefaultTrustStore_isLoaded_andDoesNotTrustTheTestRoot() {
        TrustAnchors jdk = TrustAnchors.jdkDefault();

        ChainVerification result = new ChainVerifier(jdk)
                .verify(chain(leaf(HOST, Duration.ofDays(30)), pki.intermediate(), pki.root()), HOST, NOW);

        assertThat(jdk.size()).isGreaterThan(50);
        assertThat(result.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.UNTRUSTED_ISSUER);
    }

    @Test
    void refusesAnEmptyChain() {
        assertThatThrownBy(() -> verifier.verify(List.of(), HOST, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no certificates to verify");
        assertThatThrownBy(() -> TrustAnchors.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one trust anchor is needed");
    }

    private static HeldCertificate leaf(String host, Duration lifetime) {
        return pki.leaf(host).key(KeyKind.EC_P256).validFor(NOW, lifetime).build();
    }

    private static HeldCertificate legacyRoot() {
        return HeldCertificate.builder().commonName("certguard Legacy Root").key(KeyKind.EC_P256)
                .certificateAuthority(2).validFor(NOW, Duration.ofDays(3650)).build();
    }

    private static List<X509Certificate> chain(HeldCertificate... certificates) {
        return Arrays.stream(certificates).map(HeldCertificate::certificate).toList();
    }
}
