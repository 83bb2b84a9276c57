package io.certguard.testpki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A generated certificate with its key pair, and its PEM encodings in the forms certguard meets in the wild: the
 * certificate, the key as PKCS#8 ({@code BEGIN PRIVATE KEY}, what Twilio wants), as PKCS#1/SEC1 (what OpenSSL's
 * older commands write) and as encrypted PKCS#8.
 */
public final class HeldCertificate {

    /** Used for key encryption only (AES/CBC/PKCS7Padding), never registered globally. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final X509Certificate certificate;
    private final KeyPair keyPair;

    HeldCertificate(X509Certificate certificate, KeyPair keyPair) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    }

    public static HeldCertificateBuilder builder() {
        return new HeldCertificateBuilder();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** {@code -----BEGIN CERTIFICATE-----} … */
    public String certificatePem() {
        return pem(certificate);
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8, unencrypted). */
    public String privateKeyPkcs8Pem() {
        return pem(new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
    }

    /**
     * The "traditional" OpenSSL form: {@code BEGIN RSA PRIVATE KEY} (PKCS#1) for RSA, {@code BEGIN EC PRIVATE KEY} (SEC1)
     * for EC. SEC1 is written as OpenSSL writes it (RFC 5915 §3): with the named curve and the public key, which the
     * JDK's PKCS#8 encoding leaves out of its inner structure.
     */
    public String privateKeyTraditionalPem() {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keyPair.getPrivate().getEncoded());
        try {
            if (keyPair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
                SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
                ECPrivateKey sec1 = new ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                        publicKey.getPublicKeyData(), info.getPrivateKeyAlgorithm().getParameters());
                return pem(new PemObject(traditionalType(), sec1.getEncoded()));
            }
            return pem(new PemObject(traditionalType(), info.parsePrivateKey().toASN1Primitive().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The traditional form encrypted the legacy OpenSSL way ({@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info:
     * AES-256-CBC,…} headers), as {@code openssl rsa -aes256 -traditional} writes it.
     */
    public String privateKeyTraditionalEncryptedPem(char[] passphrase) {
        traditionalType();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keyPair.getPrivate(),
                    new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(passphrase));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String traditionalType() {
        return switch (keyPair.getPrivate().getAlgorithm()) {
            case "RSA" -> "RSA PRIVATE KEY";
            case "EC" -> "EC PRIVATE KEY";
            default -> throw new UnsupportedOperationException(
                    keyPair.getPrivate().getAlgorithm() + " keys have no traditional OpenSSL PEM form");
        };
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} (PKCS#8, AES-256-CBC under PBKDF2). */
    public String privateKeyEncryptedPem(char[] passphrase) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(BC)
                    .setPassword(passphrase)
                    .build();
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor).generate());
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encrypt the test key", e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "HeldCertificate[" + certificate.getSubjectX500Principal().getName() + ", notAfter "
                + certificate.getNotAfter().toInstant() + "]";
    }
}
