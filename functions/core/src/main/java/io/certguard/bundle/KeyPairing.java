package io.certguard.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Tells whether the private key belongs to a certificate, by signing a fixed message with the key and verifying it
 * with the certificate's public key. Comparing public keys would need the public half of the private key, which
 * PKCS#8 EC keys often leave out; a signature works for every key type and never exposes the key.
 */
final class KeyPairing {

    private static final byte[] CHALLENGE =
            "certguard: does this private key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);

    private final Optional<String> algorithm;
    private final Optional<byte[]> signature;

    private KeyPairing(Optional<String> algorithm, Optional<byte[]> signature) {
        this.algorithm = algorithm;
        this.signature = signature;
    }

    static KeyPairing of(PrivateKey key) {
        Optional<String> algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "EdDSA", "Ed25519", "Ed448" -> Optional.of("EdDSA");
            case "DSA" -> Optional.of("SHA256withDSA");
            default -> Optional.empty();
        };
        Optional<byte[]> signature = algorithm.flatMap(name -> {
            try {
                Signature signer = Signature.getInstance(name);
                signer.initSign(key);
                signer.update(CHALLENGE);
                return Optional.of(signer.sign());
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        });
        return new KeyPairing(algorithm, signature);
    }

    boolean belongsTo(X509Certificate certificate) {
        if (algorithm.isEmpty() || signature.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(CHALLENGE);
            return verifier.verify(signature.get());
        } catch (GeneralSecurityException e) {
            return false; // a public key of another type than the private key
        }
    }
}
