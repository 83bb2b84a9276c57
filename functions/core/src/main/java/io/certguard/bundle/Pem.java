package io.certguard.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Writes PEM the one way certguard sends it (RFC 7468 §2 strict form): base64 in 64-character lines, LF line endings
 * whatever the platform, encapsulated headers (RFC 1421) only where a legacy encrypted key needs them.
 */
final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return encode(label, Map.of(), der);
    }

    static String encode(String label, Map<String, String> headers, byte[] der) {
        StringBuilder out = new StringBuilder(der.length * 4 / 3 + 100);
        out.append("-----BEGIN ").append(label).append("-----\n");
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        if (!headers.isEmpty()) {
            out.append('\n');
        }
        out.append(BASE64.encodeToString(der)).append('\n');
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }
}
