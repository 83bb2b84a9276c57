package io.certguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.ValidationContext;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.lambda.InvalidEventException;
import io.certguard.lambda.LambdaEvents;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.TestPki;
import io.certguard.twilio.TwilioResources;
import io.certguard.upload.UploadTrigger;
import io.certguard.upload.UploadTriggers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the parsers that read what certguard does not control. The property is the same for
 * each: whatever the input, the parser returns a result or throws its own typed error (JsonFormatException,
 * InvalidEventException), never anything else, and never hangs (each property runs under a timeout). Inputs are token
 * soup, random JSON values over the parsers' own member names, and random edits of valid documents. Each run is
 * bounded in time (see {@link Fuzz#forAll}), so a hang fails rather than stalls the build.
 *
 * <p>Default tries keep the whole class near 30 s on a shared 2-core machine; {@code -Dcertguard.fuzz.scale=N}
 * multiplies them and {@code -Dcertguard.fuzz.seed=N} changes the inputs (see {@link Fuzz}):
 * {@code mvn -pl functions/core -am test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcertguard.fuzz.scale=25 -Dcertguard.fuzz.seed=$RANDOM} is the longer run. Crashes found are fixed in the parser and kept as cases of the hostile corpus.
 */
class ParserFuzzTest {

    /** Time allowed per try of the fast properties (a try takes microseconds; a hang fails the run). */
    private static final Duration PER_TRY = Duration.ofMillis(2);

    private static final List<String> VALID_JSON = List.of("{}", "[]", "null", "\"x\"", "-1.5e3",
            "{\"a\": [1, 2, {\"b\": null}], \"c\": \"\\u00e9\\n\", \"d\": true}",
            "{\"Step\": \"createSecret\", \"SecretId\": \"arn:s\", \"ClientRequestToken\": \"t\"}",
            "{\"source\": \"aws.secretsmanager\", \"detail-type\": \"Secret Label Updated\", \"resources\": [\"arn:s\"],"
                    + " \"detail\": {\"name\": \"certguard/x\", \"versionId\": \"v\", \"labelUpdated\": \"AWSCURRENT\"}}");

    @Test
    void jsonParseThrowsOnlyJsonFormatException_andWhatItReadsWritesBackShortAndStable() {
        int ran = Fuzz.forAll("Json.parse", Fuzz.seed(1L), Fuzz.tries(40_000), PER_TRY, random -> random.nextBoolean()
                ? Mutations.soup(random, 40) : Mutations.mutate(random, Mutations.pick(random, VALID_JSON), 4), text -> {
                    Object value;
                    try {
                        value = Json.parse(text);
                    } catch (JsonFormatException expected) {
                        assertThat(expected.getMessage()).contains(" at offset ");
                        return;
                    }
                    String written = Json.write(value);
                    assertThat(written.length()).as("written length").isLessThanOrEqualTo(6 * text.length() + 110);
                    // Numbers may change form (-1.5e3 is written -1500), so compare what is written again.
                    assertThat(Json.write(Json.parse(written))).isEqualTo(written);
                });
        report("Json.parse", ran);
    }

    @Test
    void eventParsingThrowsOnlyInvalidEventException() {
        List<String> names = List.of("Step", "SecretId", "ClientRequestToken", "source", "detail-type", "detail",
                "resources", "name", "versionId", "labelUpdated", "version", "id");
        int ran = Fuzz.forAll("LambdaEvents.read + UploadTriggers.parse", Fuzz.seed(2L), Fuzz.tries(40_000), PER_TRY, random -> {
            return switch (random.nextInt(3)) {
                case 0 -> Json.write(RandomJson.object(random, names, 3)).getBytes(StandardCharsets.UTF_8);
                case 1 -> Mutations.mutate(random, Mutations.pick(random, VALID_JSON), 4).getBytes(StandardCharsets.UTF_8);
                default -> {
                    byte[] bytes = new byte[random.nextInt(64)];
                    random.nextBytes(bytes);
                    yield bytes;
                }
            };
        }, event -> {
            try {
                UploadTrigger trigger = UploadTriggers.parse(LambdaEvents.read(new ByteArrayInputStream(event)));
                assertThat(trigger.secretId()).isNotNull();
            } catch (InvalidEventException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
        report("events", ran);
    }

    @Test
    void twilioResourceMappingThrowsOnlyJsonFormatException() {
        DomainSid domain = DomainSid.of("DN0123456789abcdef0123456789abcdef");
        List<String> names = List.of("domain_sid", "certificate_sid", "domain_name", "date_created", "date_updated",
                "date_expires", "managed", "requesting", "cert_in_validation", "status", "config_sid",
                "continue_on_failure", "disable_https", "fallback_url", "callback_url", "is_valid", "reason", "url");
        int ran = Fuzz.forAll("TwilioResources", Fuzz.seed(3L), Fuzz.tries(40_000), PER_TRY,
                random -> RandomJson.object(random, names, 3), members -> {
                    JsonObject json = Json.parseObject(Json.write(members));
                    for (int call = 0; call < 3; call++) {
                        try {
                            Object mapped = switch (call) {
                                case 0 -> TwilioResources.certificate(domain, json, "v2");
                                case 1 -> TwilioResources.config(domain, json);
                                default -> TwilioResources.dnsValidation(domain, json);
                            };
                            assertThat(mapped.toString()).contains(domain.value());
                        } catch (JsonFormatException expected) {
                            assertThat(expected.getMessage()).startsWith("member \"");
                        }
                    }
                });
        report("TwilioResources", ran);
    }

    @Test
    void bundleReadingAndValidationNeverThrow() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        TestPki pki = TestPki.create(now);
        HeldCertificate leaf = pki.leaf("links.example.com", now, now.plus(Duration.ofDays(90)));
        ValidationContext context = ValidationContext.of("links.example.com", now, Duration.ofDays(14));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("certificate", leaf.certificatePem());
        json.put("chain", pki.intermediate().certificatePem() + pki.root().certificatePem());
        json.put("privateKey", leaf.privateKeyEncryptedPem("pass".toCharArray()));
        json.put("privateKeyPassphrase", "pass");
        List<String> seeds = List.of(pki.tlsCertPem(leaf), Json.write(json),
                pki.chainPem(leaf) + leaf.privateKeyTraditionalPem());

        int ran = Fuzz.forAll("BundleInput + BundleValidator", Fuzz.seed(4L), Fuzz.tries(500), Duration.ofMillis(200), random -> {
            String seed = Mutations.pick(random, seeds);
            String text = Mutations.mutate(random, seed, 3);
            return random.nextInt(4) == 0 ? (Object) text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8
                    : StandardCharsets.UTF_16LE) : text;
        }, secret -> {
            BundleInput input = secret instanceof byte[] bytes ? BundleInput.fromBytes(bytes)
                    : BundleInput.fromText((String) secret);
            BundleReport report = BundleValidator.validate(input, context);
            assertThat(report.uploadable()).isEqualTo(report.findings().stream().noneMatch(f -> f.blocksUpload()));
        });
        report("bundle", ran);
    }

    private static void report(String property, int tries) {
        System.out.println("[fuzz] " + property + ": " + tries + " tries passed");
        assertThat(tries).isPositive();
    }

}
