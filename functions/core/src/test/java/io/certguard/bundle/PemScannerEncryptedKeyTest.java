package io.certguard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An encrypted legacy key's body is ciphertext: one in 256 of them starts with 0x30 like a DER SEQUENCE. Its framing
 * must not be judged as DER (that made such bundles PEM_MALFORMED at random).
 */
class PemScannerEncryptedKeyTest {

    @Test
    void ciphertextThatLooksLikeTheStartOfDer_isNotCalledMalformed() {
        byte[] ciphertext = new byte[64];
        ciphertext[0] = 0x30; // SEQUENCE
        ciphertext[1] = 0x02; // announcing 2 bytes, followed by 60 more: "bytes after the end" if judged as DER
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ciphertext) + "\n"
                + "-----END RSA PRIVATE KEY-----\n";

        BundleInput input = BundleInput.fromText(pem);

        assertThat(input.findings()).extracting(Finding::code).doesNotContain(FindingCode.PEM_MALFORMED)
                .contains(FindingCode.KEY_ENCRYPTED);
    }
}
