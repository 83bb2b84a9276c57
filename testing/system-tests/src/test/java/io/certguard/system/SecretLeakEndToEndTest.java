package io.certguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.adapter.aws.AwsClients;
import io.certguard.cli.Cli;
import io.certguard.cli.bundle.CheckBundleCommand;
import io.certguard.cli.bundle.UploadCommand;
import io.certguard.cli.caa.CaaCommand;
import io.certguard.cli.demo.DemoCommand;
import io.certguard.cli.demo.DemoContext;
import io.certguard.cli.domains.DomainsCommand;
import io.certguard.cli.scan.ScanCommand;
import io.certguard.cli.twilio.RequestManagedCommand;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.scan.ScanLambdas;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.TwilioFault;
import io.certguard.system.Capture.Channel;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.LeakDetector;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.TestLambdaContext;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.tls.TrustAnchors;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.upload.UploadLambdas;
import io.certguard.validationpoll.ValidationPollLambdas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Secrets never leak, across every flow at once: the scan (alarms raised, a domain whose credentials Twilio refuses),
 * the upload with every trigger (EventBridge "Secret Label Updated", CloudTrail PutSecretValue and UpdateSecret, the
 * four rotation steps), rejected bundles (a stray key, an encrypted key with its passphrase, a wrong passphrase),
 * Twilio failing and refusing, the validation poll, and the command line (domains, check-bundle, upload, scan,
 * request-managed, demo). Everything they show is captured ({@link Capture}) and searched for every private key, every
 * passphrase, every API key secret and every auth token ({@link LeakDetector}). Then a secret is planted in each channel
 * and must be found there, so no channel is captured in name only.
 */
@ExtendWith(AwsEmulator.class)
class SecretLeakEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    private static final DomainSid LINKS = new DomainSid("DN" + "1a2b3c4d".repeat(4));
    private static final DomainSid SHOP = new DomainSid("DN" + "5e6f7a8b".repeat(4));
    private static final DomainSid REFUSED = new DomainSid("DN" + "9c0d1e2f".repeat(4));
    private static final String LINKS_HOST = "links.example.com";
    private static final String SHOP_HOST = "go.shop.example.org";
    private static final String REFUSED_HOST = "l.refused.example.net";

    /** Seeded: the same realistic-looking, unique secrets on every run. */
    private final Random random = new Random(0x5ec7e7L);
    private final MutableClock clock = new MutableClock(T0);
    private final LeakDetector secrets = new LeakDetector();

    @TempDir
    Path dir;

    @Test
    void noFlowLeaksAKeyAPassphraseAnApiSecretOrAToken_intoAnythingItShows(AwsClients aws, SqsClient sqs) throws Exception {
        // Credentials as Twilio issues them: an API key (SK… and a 32-character secret) and an account's auth token.
        String functionSecret = alphanumeric(32);
        TwilioCredentials function = TwilioCredentials.apiKey(accountSid(), "SK" + hex(32), functionSecret);
        String shopToken = hex(32);
        String shopAccount = accountSid();
        TwilioCredentials shop = TwilioCredentials.authToken(shopAccount, shopToken);
        String refusedToken = hex(32); // Twilio does not accept it
        String cliSecret = alphanumeric(32);
        TwilioCredentials cli = TwilioCredentials.apiKey(accountSid(), "SK" + hex(32), cliSecret);
        secrets.basicCredentials("function API key secret", function.username(), functionSecret)
                .basicCredentials("auth token", shopAccount, shopToken)
                .phrase("refused auth token", refusedToken)
                .basicCredentials("command line API key secret", cli.username(), cliSecret)
                .phrase("the demo's API key secret", "offline-api-key-secret");

        AwsStack stack = AwsStack.create(aws, sqs, "{\"accountSid\":\"" + function.accountSid() + "\",\"apiKeySid\":\""
                + function.username() + "\",\"apiKeySecret\":\"" + functionSecret + "\"}");
        String shopCredentials = AwsEmulator.uniqueName("twilio/shop");
        aws.secretsManager().createSecret(b -> b.name(shopCredentials)
                .secretString("{\"accountSid\":\"" + shopAccount + "\",\"authToken\":\"" + shopToken + "\"}"));
        String refusedCredentials = AwsEmulator.uniqueName("twilio/refused");
        aws.secretsManager().createSecret(b -> b.name(refusedCredentials)
                .secretString("{\"accountSid\":\"" + accountSid() + "\",\"authToken\":\"" + refusedToken + "\"}"));

        AtomicReference<OfflineWorld> demoWorld = new AtomicReference<>(); // started and closed by the demo
        try (OfflineWorld world = OfflineWorld.start(clock, List.of(function, shop, cli));
                Capture capture = Capture.start(dir)) {
            world.addDomain(LINKS, LINKS_HOST, T0.plus(Duration.ofDays(20)), UnaryOperator.identity());
            world.addDomain(SHOP, SHOP_HOST, T0.plus(Duration.ofDays(12)), UnaryOperator.identity());
            world.addDomain(REFUSED, REFUSED_HOST, T0.plus(Duration.ofDays(50)), UnaryOperator.identity());
            Flows flows = new Flows(world, stack, capture, demoWorld);

            flows.registerDomainsFromTheCommandLine(shopCredentials, refusedCredentials);
            flows.scanThreeTimes();
            flows.uploadWithEveryTrigger();
            flows.rejectBundles();
            flows.twilioFailsThenRefuses();
            flows.commandLine(cli, cliSecret, shop, shopToken, refusedToken);

            // The flows did what they should, so what was searched is real output.
            String sentToTwilio = world.twilio().lastAcceptedTlsCert(LINKS).orElseThrow();
            assertThat(secrets.find(sentToTwilio)).as("the key reached Twilio, where it belongs, and is recognised there")
                    .isPresent();
            secrets.pem("the demo's renewed key", demoWorld.get().twilio().lastAcceptedTlsCert(DemoContext.SID).orElseThrow());
            List<Channel> channels = capture.channels(stack);
            String all = String.join("\n", channels.stream().flatMap(c -> c.texts().stream()).toList());
            assertThat(all).contains("[30131 WARNING] links.example.com certificate expires in 20 days")
                    .contains("CHECK_FAILED").contains("TwilioAuthenticationException").contains("KEY_MISMATCH")
                    .contains("HOSTNAME_MISMATCH").contains("TransientUploadException").contains("Twilio error 30132")
                    .contains("AWSCURRENT moved to version").contains("RESOLVED").contains("LIVE")
                    .contains("certguard demo").contains("uploadable for links.example.com")
                    .contains("\"trigger\":\"secret_label_updated\",\"outcome\":\"uploaded\"")
                    .contains("\"trigger\":\"cloudtrail_PutSecretValue\",\"outcome\":\"uploaded\"")
                    .contains("\"trigger\":\"cloudtrail_UpdateSecret\",\"outcome\":\"uploaded\"")
                    .contains("Twilio validated the certificate and links.example.com serves it")
                    .contains("KEY_DECRYPTED").contains("KEY_ENCRYPTED").contains("REJECTED_BY_API")
                    .contains("LIVE: links.example.com serves the new certificate")
                    .contains("[30131 WARNING] go.shop.example.org certificate expires in 11 days");
            assertThat(capture.snsMessages()).as("alarms read back from the topic").isGreaterThanOrEqualTo(8);
            assertThat(secrets.secrets()).as("secrets watched: 12 keys, 7 passphrases, 5 credentials").isEqualTo(24);

            for (Channel channel : channels) {
                for (String text : channel.texts()) {
                    Optional<LeakDetector.Leak> leak = secrets.find(text);
                    assertThat(leak).as("%s leaked into %s: %s", leak.map(LeakDetector.Leak::secret).orElse(""),
                            channel.name(), excerpt(text, leak)).isEmpty();
                }
            }
            capture.originalErr().printf("[leak test] %d secrets (%d windows) searched in %d channels: %s%n",
                    secrets.secrets(), secrets.windows(), channels.size(), channels.stream()
                            .map(c -> c.name() + " " + c.texts().stream().mapToInt(String::length).sum() + " chars")
                            .toList());

            // A secret planted in each channel is found there: the channels are really captured and searched.
            HeldCertificate planted = world.issue(LINKS_HOST, T0.plus(Duration.ofDays(90)), KeyKind.RSA_2048);
            bundle("planted key", planted, world.bundlePem(planted));
            String keyPiece = planted.privateKeyPkcs8Pem().lines().filter(l -> !l.startsWith("-----"))
                    .reduce("", String::concat).substring(900, 921); // in the private exponent, past the public modulus
            System.out.println("debug: " + keyPiece);
            capture.functionLog().println("{\"level\":\"DEBUG\",\"key\":\"" + keyPiece + "\"}");
            capture.handlerResult("{\"apiKeySecret\":\"" + functionSecret + "\"}");
            capture.commandLine("token " + shopToken);
            aws.sns().publish(b -> b.topicArn(stack.topicArn()).subject("planted").message("token " + refusedToken));
            aws.dynamoDb().putItem(b -> b.tableName(stack.table()).item(Map.of("pk", AttributeValue.fromS("PLANTED"),
                    "sk", AttributeValue.fromS("X"), "secret", AttributeValue.fromS(cliSecret))));
            new IllegalStateException("could not use " + cliSecret.substring(4, 24)); // constructed, never thrown out
            for (Channel channel : capture.channels(stack)) {
                assertThat(channel.texts().stream().anyMatch(t -> secrets.find(t).isPresent()))
                        .as("a secret planted in %s is found", channel.name()).isTrue();
            }
        }
    }

    /** The flows, each as a user or AWS drives it, against one world, one stack and one capture. */
    private final class Flows {

        private final OfflineWorld world;
        private final AwsStack stack;
        private final Capture capture;
        private final AtomicReference<OfflineWorld> demoWorld;
        private final Map<String, String> env;
        private final String secretName;
        private final String secretArn;
        private final RequestStreamHandler upload;
        private final RequestStreamHandler poll;
        private int days = 100;

        Flows(OfflineWorld world, AwsStack stack, Capture capture, AtomicReference<OfflineWorld> demoWorld) {
            this.world = world;
            this.stack = stack;
            this.capture = capture;
            this.demoWorld = demoWorld;
            env = new HashMap<>(stack.environment());
            env.putAll(world.environment());
            env.put("DOMAINS", LINKS + "=" + LINKS_HOST + ":" + world.tls().port()); // the others are registered
            env.put("SCAN_CONCURRENCY", "2");
            env.put("VALIDATION_TIMEOUT_MINUTES", "30");
            env.put("LIVE_GRACE_MINUTES", "60");
            secretName = "certguard/certificates/" + AwsEmulator.uniqueName("links");
            secretArn = stack.aws().secretsManager().createSecret(b -> b.name(secretName)
                    .secretString(world.bundlePem(world.issue(LINKS_HOST, T0.plus(Duration.ofDays(20)))))
                    .tags(t -> t.key("certguard:domain-sid").value(LINKS.value()))).arn();
            upload = UploadLambdas.wiredFrom(env, clock, duration -> clock.advance(duration), capture.functionLog());
            poll = ValidationPollLambdas.wiredFrom(env, clock, capture.functionLog());
        }

        void registerDomainsFromTheCommandLine(String shopCredentials, String refusedCredentials) {
            cli(Map.of(), "domains", "add", SHOP + "=" + SHOP_HOST + ":" + world.tls().port(), "--credentials-secret",
                    shopCredentials, "--table", stack.table());
            cli(Map.of(), "domains", "add", REFUSED + "=" + REFUSED_HOST + ":" + world.tls().port(),
                    "--credentials-secret", refusedCredentials, "--table", stack.table());
            cli(Map.of(), "domains", "list", "--table", stack.table(), "--json");
        }

        /** Three runs, so the domain whose credentials Twilio refuses reaches CHECK_FAILED. */
        void scanThreeTimes() {
            for (int run = 0; run < 3; run++) {
                clock.set(T0.plus(Duration.ofHours(run)));
                invoke(ScanLambdas.wiredFrom(env, clock, capture.functionLog()), ProjectFiles.event("scan-schedule.json"));
            }
        }

        void uploadWithEveryTrigger() {
            // EventBridge "Secret Label Updated": a PEM bundle with an RSA key.
            HeldCertificate labelled = leaf(KeyKind.RSA_2048);
            invoke(upload, labelUpdated(putCurrent(bundle("label-updated key", labelled, world.bundlePem(labelled)))));
            followUntilLive(labelled);
            // CloudTrail PutSecretValue: a JSON bundle whose key is encrypted, with its passphrase.
            HeldCertificate put = leaf(KeyKind.EC_P256);
            String passphrase = passphrase("PutSecretValue passphrase");
            invoke(upload, cloudTrail(putCurrent(json("PutSecretValue key", put,
                    put.privateKeyEncryptedPem(passphrase.toCharArray()), passphrase)), "PutSecretValue"));
            followUntilLive(put);
            // CloudTrail UpdateSecret without a version in the response: AWSCURRENT; a PKCS#1 key, converted.
            HeldCertificate updated = leaf(KeyKind.RSA_2048);
            putCurrent(bundle("UpdateSecret key", updated, world.pki().chainPem(updated) + updated.privateKeyTraditionalPem()));
            invoke(upload, cloudTrail("unused", "UpdateSecret").replaceAll("(?s)\"responseElements\": \\{.*?\\}",
                    "\"responseElements\": null"));
            followUntilLive(updated);
            // Rotation: the four steps on an AWSPENDING version holding a traditionally encrypted key.
            stack.aws().secretsManager().rotateSecret(b -> b.secretId(secretName).rotateImmediately(false)
                    .rotationRules(r -> r.automaticallyAfterDays(30L)));
            HeldCertificate rotated = leaf(KeyKind.RSA_2048);
            String rotationPassphrase = passphrase("rotation passphrase");
            String token = UUID.randomUUID().toString();
            String pending = json("rotation key", rotated, rotated.privateKeyTraditionalEncryptedPem(
                    rotationPassphrase.toCharArray()), rotationPassphrase);
            stack.aws().secretsManager().putSecretValue(b -> b.secretId(secretName).secretString(pending)
                    .clientRequestToken(token).versionStages("AWSPENDING"));
            world.tls().serve(LINKS_HOST, world.chain(rotated));
            for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
                invoke(upload, rotation(step, token));
            }
        }

        void rejectBundles() {
            // A key that belongs to another certificate (PKCS#1).
            HeldCertificate leaf = leaf(KeyKind.EC_P256);
            HeldCertificate stranger = leaf(KeyKind.RSA_2048);
            bundle("stray key", stranger, stranger.privateKeyTraditionalPem());
            invoke(upload, labelUpdated(putCurrent(world.pki().chainPem(leaf) + stranger.privateKeyTraditionalPem())));
            // An encrypted key with its passphrase, in a bundle for another host.
            HeldCertificate otherHost = world.issue("www.example.org", T0.plus(Duration.ofDays(days += 10)), KeyKind.EC_P256);
            String passphrase = passphrase("wrong-host passphrase");
            invoke(upload, labelUpdated(putCurrent(json("wrong-host key", otherHost,
                    otherHost.privateKeyEncryptedPem(passphrase.toCharArray()), passphrase))));
            // An encrypted key with the wrong passphrase.
            HeldCertificate locked = leaf(KeyKind.EC_P256);
            String right = passphrase("unused right passphrase");
            invoke(upload, labelUpdated(putCurrent(json("locked key", locked,
                    locked.privateKeyEncryptedPem(right.toCharArray()), passphrase("wrong passphrase")))));
        }

        /** Twilio unavailable (the invocation fails and is retried), then Twilio refusing the certificate. */
        void twilioFailsThenRefuses() {
            HeldCertificate refused = leaf(KeyKind.EC_P256);
            String version = putCurrent(bundle("refused key", refused, world.bundlePem(refused)));
            for (int i = 0; i < 4; i++) {
                world.twilio().enqueueFault(TwilioFault.SERVICE_UNAVAILABLE, Pattern.compile("^/v1/.*/Certificate$"));
            }
            invoke(upload, cloudTrail(version, "PutSecretValue"));
            world.twilio().enqueueFault(TwilioFault.CERTIFICATE_REJECTED, Pattern.compile("^/v1/.*/Certificate$"));
            invoke(upload, cloudTrail(version, "PutSecretValue"));
        }

        void commandLine(TwilioCredentials cli, String cliSecret, TwilioCredentials shop, String shopToken,
                String refusedToken) throws IOException {
            Map<String, String> apiKey = Map.of("TWILIO_ACCOUNT_SID", cli.accountSid(), "TWILIO_API_KEY", cli.username(),
                    "TWILIO_API_SECRET", cliSecret);
            Map<String, String> token = Map.of("TWILIO_ACCOUNT_SID", shop.accountSid(), "TWILIO_AUTH_TOKEN", shopToken);
            Map<String, String> refused = Map.of("TWILIO_ACCOUNT_SID", shop.accountSid(), "TWILIO_AUTH_TOKEN", refusedToken);
            String twilio = world.twilio().baseUri().toString();
            String resolver = "127.0.0.1:" + world.dns().address().getPort();

            HeldCertificate checked = leaf(KeyKind.RSA_2048);
            Path pem = file("bundle.pem", bundle("check-bundle key", checked,
                    world.pki().chainPem(checked) + checked.privateKeyTraditionalPem()));
            cli(Map.of(), "check-bundle", pem.toString(), "--domain", LINKS_HOST);
            cli(Map.of(), "check-bundle", pem.toString(), "--domain", LINKS_HOST, "--json");
            String passphrase = passphrase("check-bundle passphrase");
            Path encrypted = file("bundle.json", json("check-bundle key", checked,
                    checked.privateKeyEncryptedPem(passphrase.toCharArray()), passphrase));
            cli(Map.of(), "--debug", "check-bundle", encrypted.toString(), "--domain", LINKS_HOST, "--write-tlscert",
                    dir.resolve("tlscert.pem").toString());
            Path wrong = file("wrong.json", json("check-bundle key", checked,
                    checked.privateKeyEncryptedPem(passphrase.toCharArray()), passphrase("check-bundle wrong passphrase")));
            cli(Map.of(), "--debug", "check-bundle", wrong.toString(), "--domain", "other.example.com");

            HeldCertificate uploaded = leaf(KeyKind.RSA_2048);
            world.tls().serve(LINKS_HOST, world.chain(uploaded));
            Path state = dir.resolve("cli-state.json");
            cli(apiKey, "upload", file("upload.pem", bundle("command line upload key", uploaded,
                    world.bundlePem(uploaded))).toString(), "--domain-sid", LINKS + "=" + LINKS_HOST + ":"
                    + world.tls().port(), "--twilio-base-url", twilio, "--resolver", resolver, "--state", state.toString(),
                    "--wait", "--timeout", "30s");
            HeldCertificate stranger = leaf(KeyKind.EC_P256);
            cli(apiKey, "--debug", "upload", file("mismatch.pem", bundle("command line stray key", stranger,
                    world.pki().chainPem(leaf(KeyKind.EC_P256)) + stranger.privateKeyPkcs8Pem())).toString(),
                    "--domain-sid", LINKS.value(), "--twilio-base-url", twilio, "--state", state.toString());

            Path scanState = dir.resolve("scan-state.json");
            cli(token, "scan", "--domain", SHOP + "=" + SHOP_HOST + ":" + world.tls().port(), "--twilio-base-url", twilio,
                    "--resolver", resolver, "--state", scanState.toString(), "--topic-arn", stack.topicArn());
            cli(refused, "--debug", "scan", "--domain", SHOP + "=" + SHOP_HOST + ":" + world.tls().port(),
                    "--twilio-base-url", twilio, "--resolver", resolver, "--state", scanState.toString());
            cli(apiKey, "--debug", "request-managed", "--domain-sid", SHOP.value(), "--twilio-base-url", twilio,
                    "--resolver", resolver);
            cli(Map.of(), "demo");
            for (Path kept : List.of(state, scanState)) {
                capture.commandLine(kept + ":\n" + Files.readString(kept));
            }
        }

        /** Polls whenever an upload is due (the clock moves on a few minutes each time) until the host serves it. */
        private void followUntilLive(HeldCertificate leaf) {
            world.tls().serve(LINKS_HOST, world.chain(leaf));
            for (int i = 0; i < 6; i++) {
                clock.advance(Duration.ofMinutes(5));
                invoke(poll, ProjectFiles.event("validation-poll-schedule.json"));
            }
        }

        private HeldCertificate leaf(KeyKind key) {
            return world.issue(LINKS_HOST, T0.plus(Duration.ofDays(days += 10)), key);
        }

        private String putCurrent(String value) {
            return stack.aws().secretsManager().putSecretValue(b -> b.secretId(secretName).secretString(value)).versionId();
        }

        private String json(String name, HeldCertificate leaf, String keyPem, String passphrase) {
            return bundle(name, leaf, "{\"certificate\":" + Json.write(world.pki().chainPem(leaf)) + ",\"privateKey\":"
                    + Json.write(keyPem) + ",\"privateKeyPassphrase\":" + Json.write(passphrase) + "}");
        }

        private String labelUpdated(String versionId) {
            return pointedAtTheSecret(ProjectFiles.event("secret-label-updated.json"))
                    .replace("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", versionId);
        }

        private String cloudTrail(String versionId, String eventName) {
            return pointedAtTheSecret(ProjectFiles.event("secret-put-via-cloudtrail.json"))
                    .replace("EXAMPLE4-90ab-cdef-fedc-ba987EXAMPLE", versionId)
                    .replace("\"PutSecretValue\"", "\"" + eventName + "\"");
        }

        private String rotation(String step, String token) {
            return pointedAtTheSecret(ProjectFiles.event("rotation-" + step + ".json"))
                    .replace("EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE", token);
        }

        private String pointedAtTheSecret(String sample) {
            return sample.replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/"
                    + "links.example.com-AbCdEf", secretArn)
                    .replace("\"certguard/certificates/links.example.com\"", "\"" + secretName + "\"");
        }

        /** Runs one event; what it returns or throws is captured. */
        private void invoke(RequestStreamHandler handler, String event) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                        TestLambdaContext.withRemaining(Duration.ofMinutes(10)));
                capture.handlerResult(out.toString(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                capture.thrown(e);
            }
        }

        /** Runs the command line in-process; what it prints is captured. */
        private void cli(Map<String, String> cliEnv, String... args) {
            Cli commands = new Cli(List.of(new DemoCommand(c -> {
                demoWorld.set(OfflineWorld.start(c));
                return demoWorld.get();
            }), new CheckBundleCommand(), new UploadCommand(Duration.ofMillis(20),
                    TrustAnchors.of(List.of(world.pki().root().certificate()))), new CaaCommand(), new ScanCommand(),
                    new RequestManagedCommand(), DomainsCommand.onDynamoDb()), clock);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = commands.execute(args, o, e, cliEnv);
            }
            capture.commandLine("$ certguard " + String.join(" ", args) + "\nexit " + exit + "\n"
                    + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        }

        private Path file(String name, String content) throws IOException {
            return Files.writeString(dir.resolve(name), content);
        }
    }

    /** Registers the key of {@code leaf}, and every key in {@code text} (any form), as secrets; returns the text. */
    private String bundle(String name, HeldCertificate leaf, String text) {
        secrets.privateKey(name, leaf.privateKey()).pem(name, text);
        return text;
    }

    private String passphrase(String name) {
        String passphrase = alphanumeric(6) + "-" + alphanumeric(8) + "-" + alphanumeric(6);
        secrets.phrase(name, passphrase);
        return passphrase;
    }

    private String accountSid() {
        return "AC" + hex(32);
    }

    private String hex(int length) {
        return random.ints(length, 0, 16).mapToObj(Integer::toHexString).reduce("", String::concat);
    }

    private String alphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return random.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .reduce("", String::concat);
    }

    private static String excerpt(String text, Optional<LeakDetector.Leak> leak) {
        if (leak.isEmpty()) {
            return "";
        }
        int at = Math.max(0, Math.min(leak.get().at(), text.length()) - 200);
        return text.substring(at, Math.min(text.length(), at + 400));
    }
}
