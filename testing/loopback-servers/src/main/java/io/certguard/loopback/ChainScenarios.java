package io.certguard.loopback;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.HeldCertificateBuilder;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The chains servers present in the wild, right and wrong, issued by one {@link TestPki} at a fixed "now". Leaves use
 * P-256 keys, which are generated in about a millisecond, so a benchmark can afford a thousand hosts.
 */
public final class ChainScenarios {

    /** The only name on the leaf that {@link #wrongHost} serves. */
    public static final String WRONG_HOST = "unrelated.example.net";

    /** Lifetime of the leaves of {@link #valid}: 90 days, as Let's Encrypt issues them. */
    public static final Duration LEAF_LIFETIME = Duration.ofDays(90);

    /** Lifetime of the cross-sign in {@link #withUnusedCrossSign}: well before the leaf's end. */
    public static final Duration CROSS_SIGN_LIFETIME = Duration.ofDays(7);

    private final TestPki pki;
    private final Instant now;

    public ChainScenarios(TestPki pki, Instant now) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.now = Objects.requireNonNull(now, "now");
    }

    public TestPki pki() {
        return pki;
    }

    /** Leaf for {@code host} valid for {@link #LEAF_LIFETIME}, then the intermediate: a correctly configured server. */
    public ServedChain valid(String host) {
        return ServedChain.of(leaf(host).validFor(now, LEAF_LIFETIME).build(), pki.intermediate());
    }

    /** Like {@link #valid} but the leaf expired a day ago (after 90 days). */
    public ServedChain expiredLeaf(String host) {
        HeldCertificate leaf = leaf(host)
                .validity(now.minus(Duration.ofDays(91)), now.minus(Duration.ofDays(1)))
                .build();
        return ServedChain.of(leaf, pki.intermediate());
    }

    /** A valid chain whose leaf names only {@link #WRONG_HOST}: serve it for another host name. */
    public ServedChain wrongHost() {
        return valid(WRONG_HOST);
    }

    /** The leaf alone: the server forgot the intermediate, so clients cannot link the leaf to the root. */
    public ServedChain missingIntermediate(String host) {
        return ServedChain.of(leaf(host).validFor(now, LEAF_LIFETIME).build());
    }

    /** A self-signed leaf for {@code host}, issued by no CA. */
    public ServedChain selfSigned(String host) {
        return ServedChain.of(HeldCertificate.builder().commonName(host).dnsName(host).key(KeyKind.EC_P256)
                .validFor(now, LEAF_LIFETIME).build());
    }

    /**
     * Leaf, intermediate, and then the root cross-signed by a legacy root, expiring after
     * {@link #CROSS_SIGN_LIFETIME}: the Let's Encrypt/DST Root CA X3 shape. A client that trusts the root never uses
     * the cross-sign, so its early expiry must not count.
     */
    public ServedChain withUnusedCrossSign(String host) {
        HeldCertificate legacyRoot = HeldCertificate.builder().commonName("certguard Legacy Root").key(KeyKind.EC_P256)
                .certificateAuthority(2).validFor(now, Duration.ofDays(3650)).build();
        HeldCertificate crossSign = pki.crossSignRoot(legacyRoot, now.minus(Duration.ofDays(1)),
                now.plus(CROSS_SIGN_LIFETIME));
        return ServedChain.of(leaf(host).validFor(now, LEAF_LIFETIME).build(), pki.intermediate(), crossSign);
    }

    private HeldCertificateBuilder leaf(String host) {
        return pki.leaf(host).key(KeyKind.EC_P256);
    }
}
