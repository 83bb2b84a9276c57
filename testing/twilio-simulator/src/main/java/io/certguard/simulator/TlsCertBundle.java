package io.certguard.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code TlsCert} upload as Twilio requires it: PEM certificate(s), leaf first, and one unencrypted PKCS#8
 * {@code -----BEGIN PRIVATE KEY-----} block for the leaf (https://www.twilio.com/docs/api/errors/30131; the spec's
 * example puts the key right after the certificate, in one field). Parsed with the JDK only.
 *
 * @param chain the certificates in upload order; the first is the leaf. The key is checked against it, not kept.
 */
record TlsCertBundle(List<X509Certificate> chain) {

    /** Why an upload is refused. Messages describe the problem and never quote the PEM. */
    static final class InvalidTlsCertException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTlsCertException(String message) {
            super(message);
        }
    }

    /** A PEM block; the label must match at both ends. Twilio's spec example has no line break after the header. */
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final byte[] PROBE = "certguard simulator key check".getBytes(StandardCharsets.US_ASCII);

    TlsCertBundle {
        chain = List.copyOf(chain);
    }

    X509Certificate leaf() {
        return chain.getFirst();
    }

    static TlsCertBundle parse(String pem) throws InvalidTlsCertException {
        List<X509Certificate> certificates = certificates(pem);
        List<byte[]> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            String label = block.group(1);
            if (label.equals("PRIVATE KEY")) {
                keys.add(decode(block.group(2), "PRIVATE KEY"));
            } else if (label.endsWith("PRIVATE KEY")) {
                throw new InvalidTlsCertException("the key block is labelled " + label
                        + "; Twilio needs an unencrypted PKCS#8 PRIVATE KEY");
            }
        }
        if (keys.size() != 1) {
            throw new InvalidTlsCertException(keys.isEmpty() ? "no -----BEGIN PRIVATE KEY----- block"
                    : keys.size() + " PRIVATE KEY blocks; exactly one is expected");
        }
        checkKeyMatches(certificates.getFirst(), keys.getFirst());
        return new TlsCertBundle(certificates);
    }

    /** The certificates of a PEM text, in order; at least one. */
    static List<X509Certificate> certificates(String pem) throws InvalidTlsCertException {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        CertificateFactory factory = x509Factory();
        while (block.find()) {
            if (block.group(1).equals("CERTIFICATE")) {
                byte[] der = decode(block.group(2), "CERTIFICATE");
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    throw new InvalidTlsCertException("CERTIFICATE block " + (certificates.size() + 1)
                            + " is not an X.509 certificate");
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidTlsCertException("no -----BEGIN CERTIFICATE----- block");
        }
        return certificates;
    }

    private static void checkKeyMatches(X509Certificate leaf, byte[] pkcs8) throws InvalidTlsCertException {
        String algorithm = leaf.getPublicKey().getAlgorithm();
        String signatureAlgorithm = switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new InvalidTlsCertException("the leaf certificate has a " + algorithm
                    + " key; the simulator accepts RSA and EC");
        };
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsCertException("the PRIVATE KEY block is not a PKCS#8 " + algorithm
                    + " key, the leaf certificate's key type");
        }
        // Twilio serves the certificate with this key, so the pair must match: sign with one, verify with the other.
        try {
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw new InvalidTlsCertException("the private key does not belong to the leaf (first) certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsCertException("the private key does not belong to the leaf (first) certificate");
        }
    }

    private static byte[] decode(String base64, String label) throws InvalidTlsCertException {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidTlsCertException("a " + label + " block is not valid base64");
        }
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JDK has no X.509 CertificateFactory", e);
        }
    }
}
