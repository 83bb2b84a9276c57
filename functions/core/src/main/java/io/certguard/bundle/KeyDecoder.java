package io.certguard.bundle;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the bundle's private key block into the form Twilio requires, PKCS#8 {@code BEGIN PRIVATE KEY} (Twilio's
 * certificate requirements: "convert other key formats with OpenSSL"), decrypting it with the secret's passphrase when
 * it is encrypted. The passphrase and the key never reach a message.
 */
final class KeyDecoder {

    private static final String DECRYPT_HINT =
            "store the key decrypted (\"openssl pkey -in key.pem -out key-pkcs8.pem\")";

    /** What became of the key block. */
    sealed interface Outcome {

        /** The key, with notes on what was done to it (decrypted, converted). */
        record Read(PrivateKeyMaterial key, List<Finding> notes) implements Outcome {
            public Read {
                Objects.requireNonNull(key, "key");
                notes = List.copyOf(notes);
            }
        }

        /** No key could be had; {@code why} says why and how to fix it. */
        record Unreadable(Finding why) implements Outcome {
            public Unreadable {
                Objects.requireNonNull(why, "why");
            }
        }
    }

    private KeyDecoder() {
    }

    static Outcome decode(PemBlock.Decoded block, Optional<char[]> passphrase) {
        Object object;
        try {
            object = block.readObject();
        } catch (IOException | RuntimeException e) {
            return malformed(block);
        }
        List<Finding> notes = new ArrayList<>();
        return switch (object) {
            case PrivateKeyInfo info -> read(info, true, block, notes);
            case PEMKeyPair pair -> {
                notes.add(converted(block));
                yield read(pair.getPrivateKeyInfo(), false, block, notes);
            }
            case PKCS8EncryptedPrivateKeyInfo encrypted -> decryptPkcs8(encrypted, block, passphrase, notes);
            case PEMEncryptedKeyPair encrypted -> decryptTraditional(encrypted, block, passphrase, notes);
            default -> malformed(block);
        };
    }

    private static Outcome decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, PemBlock.Decoded block,
                                        Optional<char[]> passphrase, List<Finding> notes) {
        if (passphrase.isEmpty()) {
            return noPassphrase(block);
        }
        Optional<String> cost = EncryptionCost.excessive(encrypted.getEncryptionAlgorithm());
        if (cost.isPresent()) {
            return new Outcome.Unreadable(Finding.of(FindingCode.KEY_ENCRYPTED, "the private key at " + block.location()
                    + " is encrypted with " + cost.get() + ", more work than certguard spends on a key; "
                    + DECRYPT_HINT));
        }
        PrivateKeyInfo info;
        try {
            info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BcProvider.INSTANCE).build(passphrase.get()));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            return wrongPassphrase(block);
        }
        notes.add(decrypted(block));
        return read(info, false, block, notes);
    }

    private static Outcome decryptTraditional(PEMEncryptedKeyPair encrypted, PemBlock.Decoded block,
                                              Optional<char[]> passphrase, List<Finding> notes) {
        if (passphrase.isEmpty()) {
            return noPassphrase(block);
        }
        PEMKeyPair pair;
        try {
            pair = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                    .setProvider(BcProvider.INSTANCE).build(passphrase.get()));
        } catch (IOException | RuntimeException e) {
            return wrongPassphrase(block);
        }
        notes.add(decrypted(block));
        notes.add(converted(block));
        return read(pair.getPrivateKeyInfo(), false, block, notes);
    }

    /**
     * Makes a JCA key of the PKCS#8 structure.
     *
     * @param asGiven whether the block already is unencrypted PKCS#8, whose bytes then go to Twilio unchanged
     */
    private static Outcome read(PrivateKeyInfo info, boolean asGiven, PemBlock.Decoded block, List<Finding> notes) {
        try {
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
            byte[] pkcs8 = asGiven ? block.der() : info.getEncoded(ASN1Encoding.DER);
            return new Outcome.Read(new PrivateKeyMaterial(key, pkcs8, block.location()), notes);
        } catch (IOException | RuntimeException e) {
            return malformed(block);
        }
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}, or {@code BEGIN RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED}. */
    private static String form(PemBlock block) {
        return block.label().equals("ENCRYPTED PRIVATE KEY")
                ? "BEGIN ENCRYPTED PRIVATE KEY"
                : "BEGIN " + block.label() + " with Proc-Type: 4,ENCRYPTED";
    }

    private static Finding converted(PemBlock block) {
        String form = block.label().equals("RSA PRIVATE KEY") ? "PKCS#1" : "SEC1";
        return Finding.of(FindingCode.KEY_CONVERTED_TO_PKCS8, "the private key is " + form + " (BEGIN " + block.label()
                + "); converted to PKCS#8 (BEGIN PRIVATE KEY) as Twilio requires");
    }

    private static Finding decrypted(PemBlock block) {
        return Finding.of(FindingCode.KEY_DECRYPTED, "the private key is encrypted (" + form(block)
                + "); decrypted with privateKeyPassphrase, as Twilio takes it unencrypted (BEGIN PRIVATE KEY)");
    }

    private static Outcome noPassphrase(PemBlock block) {
        return new Outcome.Unreadable(Finding.of(FindingCode.KEY_ENCRYPTED, "the private key at " + block.location()
                + " is encrypted (" + form(block) + ") and no privateKeyPassphrase was given; store the secret as JSON"
                + " with \"privateKeyPassphrase\", or " + DECRYPT_HINT));
    }

    private static Outcome wrongPassphrase(PemBlock block) {
        return new Outcome.Unreadable(Finding.of(FindingCode.KEY_ENCRYPTED, "privateKeyPassphrase does not decrypt the"
                + " private key at " + block.location() + " (" + form(block) + "); check the passphrase, or "
                + DECRYPT_HINT));
    }

    private static Outcome malformed(PemBlock block) {
        String expected = switch (block.label()) {
            case "RSA PRIVATE KEY" -> "a PKCS#1 RSA private key";
            case "EC PRIVATE KEY" -> "a SEC1 EC private key";
            case "ENCRYPTED PRIVATE KEY" -> "an encrypted PKCS#8 private key";
            default -> "a PKCS#8 private key";
        };
        return new Outcome.Unreadable(Finding.of(FindingCode.PEM_MALFORMED, "the " + block.label() + " block at "
                + block.location() + " is not " + expected));
    }
}
