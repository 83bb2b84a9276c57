package io.certguard.bundle;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances of the bundle package's secret-holding types (several are package-private), built around a generated
 * key and a known passphrase, for io.certguard.security.ToStringRedactionTest.
 */
public final class SecretHolderSamples {

    public static final String PASSPHRASE = "redaction-sentinel-passphrase";

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final TestPki pki = TestPki.create(NOW);
    private final HeldCertificate leaf = pki.leaf("links.example.com", NOW, NOW.plus(Duration.ofDays(90)));

    /** The PKCS#8 key's base64 body, whose pieces must never appear. */
    public String keyBase64() {
        return Base64.getEncoder().encodeToString(leaf.privateKey().getEncoded());
    }

    /** The samples, by the class they are instances of. */
    public Map<Class<?>, List<Object>> samples() {
        String bundleText = pki.tlsCertPem(leaf);
        String json = "{\"certificate\": \"" + jsonEscape(pki.chainPem(leaf)) + "\", \"privateKey\": \""
                + jsonEscape(leaf.privateKeyEncryptedPem(PASSPHRASE.toCharArray())) + "\", \"privateKeyPassphrase\": \""
                + PASSPHRASE + "\"}";
        BundleInput fromPem = BundleInput.fromText(bundleText);
        BundleInput fromJson = BundleInput.fromText(json);
        PrivateKeyMaterial key = fromPem.privateKey().orElseThrow();
        PemBlock.Decoded block = new PemBlock.Decoded("PRIVATE KEY", "line 1", Map.of(), leaf.privateKey().getEncoded());
        JsonSecret secret = JsonSecret.of(io.certguard.json.Json.parseObject(json));
        BundleReport report = BundleValidator.validate(fromPem, ValidationContext.of("links.example.com", NOW,
                Duration.ofDays(14)));
        Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
        samples.put(BundleInput.class, List.of(fromPem, fromJson, BundleInput.fromBytes(bundleText.getBytes(StandardCharsets.UTF_8))));
        samples.put(PrivateKeyMaterial.class, List.of(key));
        samples.put(PemBlock.Decoded.class, List.of(block));
        samples.put(JsonSecret.class, List.of(secret));
        samples.put(KeyDecoder.Outcome.Read.class, List.of(new KeyDecoder.Outcome.Read(key, List.of())));
        samples.put(BundleReport.Uploadable.class, List.of(report));
        return samples;
    }

    /** Checks that the samples are what they claim: the report is uploadable, the JSON secret kept the passphrase. */
    public boolean samplesHoldTheirSecrets() {
        Map<Class<?>, List<Object>> samples = samples();
        JsonSecret secret = (JsonSecret) samples.get(JsonSecret.class).getFirst();
        return samples.get(BundleReport.Uploadable.class).getFirst() instanceof BundleReport.Uploadable uploadable
                && uploadable.payload().pem().contains(pemBody())
                && secret.passphrase().equals(Optional.of(PASSPHRASE));
    }

    private String pemBody() {
        return leaf.privateKeyPkcs8Pem().lines().skip(1).findFirst().orElseThrow();
    }

    private static String jsonEscape(String pem) {
        return pem.replace("\n", "\\n");
    }
}
