package io.certguard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class PresentedIdentifiersTest {

    /** Found by fuzzing the bundle validator: BouncyCastle's getString() threw IllegalArgumentException out of it. */
    @Test
    void aCommonNameThatIsNotValidUtf8IsNoName_notAnException() throws Exception {
        // UTF8String (tag 12) holding FF FE, which no UTF-8 text contains
        ASN1Primitive badUtf8 = ASN1Primitive.fromByteArray(new byte[] {0x0C, 0x02, (byte) 0xFF, (byte) 0xFE});
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, badUtf8).build();

        PresentedIdentifiers names = PresentedIdentifiers.of(selfSigned(subject));

        assertThat(names.presented()).isEmpty();
        assertThat(names.describe()).isEqualTo("no names");
    }

    @Test
    void aReadableCommonNameIsPresentedWhenThereAreNoDnsNames() throws Exception {
        PresentedIdentifiers names = PresentedIdentifiers.of(selfSigned(new X500Name("CN=links.example.com")));

        assertThat(names.presented()).containsExactly("links.example.com");
    }

    private static X509Certificate selfSigned(X500Name subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now), Date.from(now.plusSeconds(86_400)), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
