package io.certguard.bundle;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Judges the leaf's key (the bundle's private key belongs to it). RSA needs 2048 bits (NIST SP 800-131A Rev. 2 §3;
 * CA/Browser Forum Baseline Requirements §6.1.5); ECDSA is limited to P-256 and P-384 (Baseline Requirements §6.1.5)
 * and still gets a warning, as Twilio has not confirmed it accepts ECDSA (a certbot-based uploader reports its ECDSA
 * keys rejected); every other algorithm is refused.
 */
final class KeyStrength {

    static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, String> ALLOWED_CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384");
    private static final Map<ASN1ObjectIdentifier, String> OTHER_ALGORITHMS = Map.of(
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            X9ObjectIdentifiers.id_dsa, "DSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS");

    private KeyStrength() {
    }

    static void check(ParsedCertificate leaf, List<Finding> findings) {
        PublicKey key = leaf.certificate().getPublicKey();
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm) && key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                findings.add(Finding.about(FindingCode.KEY_WEAK, leaf, "the leaf's RSA key has " + bits + " bits;"
                        + " clients need at least " + MIN_RSA_BITS + " (NIST SP 800-131A): issue a new certificate"
                        + " with an RSA key of " + MIN_RSA_BITS + " bits or more"));
            }
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            ASN1Encodable parameters = info.getAlgorithm().getParameters();
            boolean allowed = parameters instanceof ASN1ObjectIdentifier oid && ALLOWED_CURVES.containsKey(oid);
            String curve = allowed ? ALLOWED_CURVES.get((ASN1ObjectIdentifier) parameters)
                    : parameters instanceof ASN1ObjectIdentifier oid ? curveName(oid) : "explicit curve parameters";
            if (!allowed) {
                findings.add(Finding.about(FindingCode.KEY_WEAK, leaf, "the leaf's EC key is on " + curve + "; clients"
                        + " accept only P-256 and P-384 (CA/Browser Forum Baseline Requirements §6.1.5): issue a new"
                        + " certificate with an RSA key of " + MIN_RSA_BITS + " bits or more"));
            }
            findings.add(Finding.about(FindingCode.EC_KEY, leaf, "the leaf has an ECDSA key (" + curve + "); Twilio has"
                    + " not confirmed that it accepts ECDSA certificates, and users report them rejected: an RSA key of"
                    + " " + MIN_RSA_BITS + " bits is the safe choice"));
        } else {
            String name = OTHER_ALGORITHMS.getOrDefault(algorithm, key.getAlgorithm() + " (" + algorithm.getId() + ")");
            findings.add(Finding.about(FindingCode.KEY_UNSUPPORTED, leaf, "the leaf's key is " + name + "; Twilio"
                    + " takes RSA keys: issue a new certificate with an RSA key of " + MIN_RSA_BITS + " bits or more"));
        }
    }

    /** {@code P-521}, or the curve's registered name, or its OID. */
    private static String curveName(ASN1ObjectIdentifier oid) {
        if (SECObjectIdentifiers.secp521r1.equals(oid)) {
            return "P-521";
        }
        String name = ECNamedCurveTable.getName(oid);
        return name != null ? name : "the curve " + oid.getId();
    }
}
