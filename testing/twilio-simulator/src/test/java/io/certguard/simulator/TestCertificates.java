package io.certguard.simulator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway self-signed RSA certificates, generated at test time (no checked-in PEMs). Two key pairs are made once per
 * JVM because RSA key generation is the slow part.
 */
final class TestCertificates {

    /** A certificate and its PKCS#8 key, both PEM. */
    record Bundle(X509Certificate certificate, String certificatePem, String privateKeyPem) {

        /** Certificate then key, as Twilio's {@code TlsCert} expects. */
        String tlsCert() {
            return certificatePem + privateKeyPem;
        }

        Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }

    private static final KeyPair KEY = rsaKeyPair();
    private static final KeyPair OTHER_KEY = rsaKeyPair();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** A certificate for {@code host} valid for the 90 days up to {@code notAfter}, with its key. */
    static Bundle forHost(String host, Instant notAfter) {
        X509Certificate cert = selfSigned(host, notAfter, KEY);
        return new Bundle(cert, pem("CERTIFICATE", cert), pem("PRIVATE KEY", KEY.getPrivate().getEncoded()));
    }

    /** A certificate whose bundled key is not its own. */
    static Bundle withForeignKey(String host, Instant notAfter) {
        X509Certificate cert = selfSigned(host, notAfter, KEY);
        return new Bundle(cert, pem("CERTIFICATE", cert), pem("PRIVATE KEY", OTHER_KEY.getPrivate().getEncoded()));
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static String pem(String label, X509Certificate cert) {
        try {
            return pem(label, cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(String host, Instant notAfter, KeyPair key) {
        X500Name name = new X500Name("CN=" + host);
        Instant notBefore = notAfter.minusSeconds(90L * 24 * 3600);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), name,
                    key.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
