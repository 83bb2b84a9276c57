package io.certguard.upload;

import static io.certguard.upload.UploadScenario.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.simulator.TwilioFault;
import io.certguard.testing.AwsEmulator;
import io.certguard.testpki.HeldCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A full run of the upload function captured whole (standard output and error, the function's log, every result and
 * exception with its stack trace, every alarm as delivered, every item of the state table) holds no piece of any
 * private key's base64 body, nor the passphrase.
 */
@ExtendWith(AwsEmulator.class)
class UploadSecretLeakTest {

    private static final String PASSPHRASE = "leak-test passphrase 7f3a";
    private static final int WINDOW = 20;
    private static final Pattern BODY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----(.*?)-----END [A-Z ]*PRIVATE KEY-----",
            Pattern.DOTALL);

    @Test
    void aFullRunLeaksNoKeyMaterialAnywhere(AwsClients aws, SqsClient sqs) throws Exception {
        List<String> captured = new ArrayList<>();
        Set<String> fragments = new LinkedHashSet<>();
        fragments.add(PASSPHRASE);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (UploadScenario scenario = new UploadScenario(aws, sqs, 20)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            try {
                // A rotation of a JSON bundle whose key is encrypted, with its passphrase.
                scenario.enableRotation();
                HeldCertificate rotated = scenario.leaf(130);
                String encrypted = rotated.privateKeyEncryptedPem(PASSPHRASE.toCharArray());
                fragments.addAll(keyFragments(encrypted));
                fragments.addAll(keyFragments(rotated.privateKeyPkcs8Pem()));
                String token = UploadScenario.newToken();
                scenario.putPending(token, "{\"certificate\":" + Json.write(scenario.world.pki().chainPem(rotated))
                        + ",\"privateKey\":" + Json.write(encrypted) + ",\"privateKeyPassphrase\":"
                        + Json.write(PASSPHRASE) + "}");
                scenario.world.tls().serve(HOST, scenario.world.chain(rotated));
                for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
                    captured.add(run(scenario, scenario.rotationEvent(step, token)));
                }
                // A bundle whose key belongs to another certificate: rejected and alarmed.
                HeldCertificate stranger = scenario.leaf(160);
                fragments.addAll(keyFragments(stranger.privateKeyPkcs8Pem()));
                String mismatched = scenario.putCurrent(scenario.world.pki().chainPem(scenario.leaf(160))
                        + stranger.privateKeyTraditionalPem());
                fragments.addAll(keyFragments(stranger.privateKeyTraditionalPem()));
                captured.add(run(scenario, scenario.labelUpdatedEvent(mismatched)));
                // Twilio unavailable (the invocation fails), then Twilio refusing the certificate (alarmed).
                HeldCertificate refused = scenario.leaf(170);
                fragments.addAll(keyFragments(refused.privateKeyPkcs8Pem()));
                String refusedVersion = scenario.putCurrent(scenario.world.bundlePem(refused));
                for (int i = 0; i < 4; i++) {
                    scenario.world.twilio().enqueueFault(TwilioFault.SERVER_ERROR, Pattern.compile("^/v1/.*/Certificate$"));
                }
                captured.add(run(scenario, scenario.cloudTrailEvent(refusedVersion)));
                scenario.world.twilio().enqueueFault(TwilioFault.CERTIFICATE_REJECTED, Pattern.compile("^/v1/.*/Certificate$"));
                captured.add(run(scenario, scenario.cloudTrailEvent(refusedVersion)));
                // A good upload through CloudTrail.
                HeldCertificate renewed = scenario.leaf(180);
                fragments.addAll(keyFragments(renewed.privateKeyPkcs8Pem()));
                captured.add(run(scenario, scenario.cloudTrailEvent(scenario.putCurrent(scenario.world.bundlePem(renewed)))));
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            List<JsonObject> alarms = scenario.stack.inbox().drain();
            alarms.forEach(a -> captured.add(Json.write(a.asMap())));
            captured.addAll(scenario.tableItems());
            captured.add(scenario.log());
            captured.add(console.toString(StandardCharsets.UTF_8));

            // The run did what it should, so the scan below looked at real output.
            assertThat(alarms).extracting(a -> a.string("Subject")).containsExactlyInAnyOrder(
                    "[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-03-11",
                    "[30132 WARNING] links.example.com replacement certificate not uploaded",
                    "[30132 WARNING] links.example.com replacement certificate not uploaded");
            assertThat(String.join("\n", captured)).contains("KEY_MISMATCH").contains("TransientUploadException")
                    .contains("Twilio error 30132").contains("\"outcome\":\"uploaded\"").contains("LIVE");
            String sentToTwilio = scenario.world.twilio().lastAcceptedTlsCert(UploadScenario.SID).orElseThrow();
            assertThat(fragments.stream().anyMatch(sentToTwilio::contains))
                    .as("the key did reach Twilio, where it belongs, and the scan recognises it there").isTrue();
        }
        assertThat(fragments).hasSizeGreaterThan(100);
        for (String text : captured) {
            for (String fragment : fragments) {
                assertThat(text.contains(fragment)).as("a key fragment or the passphrase leaked into: %s",
                        text.length() > 300 ? text.substring(0, 300) + "…" : text).isFalse();
            }
        }
    }

    /** Runs one event; a thrown exception is captured with its stack trace. */
    private static String run(UploadScenario scenario, String event) {
        try {
            return Json.write(scenario.invoke(event).asMap());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }

    /** Every {@value #WINDOW}-character window of the key's base64 body, at every offset. */
    private static Set<String> keyFragments(String pem) {
        Set<String> fragments = new LinkedHashSet<>();
        var matcher = BODY.matcher(pem);
        while (matcher.find()) {
            String body = matcher.group(1).lines().filter(l -> !l.contains(":")).map(String::strip)
                    .reduce("", String::concat);
            for (int i = 0; i + WINDOW <= body.length(); i++) {
                fragments.add(body.substring(i, i + WINDOW));
            }
            body.lines().forEach(fragments::add);
        }
        assertThat(fragments).as("key body of a test key").isNotEmpty();
        return fragments;
    }
}
