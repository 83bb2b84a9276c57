package io.certguard.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.simulator.SimulatedDomain;
import io.certguard.simulator.ValidationOutcome;
import io.certguard.simulator.ValidationPlan;
import io.certguard.testing.AwsEmulator;
import io.certguard.testpki.HeldCertificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Rotation steps repeated and out of order, as Secrets Manager may deliver them (it retries a step whose invocation
 * failed, and a person may call RotateSecret again), against the emulator and the Twilio simulator through the upload
 * function's production wiring. The contract (Secrets Manager's "Lambda rotation functions" guide): each step is
 * idempotent, and a step that cannot succeed fails the invocation so Secrets Manager retries it and AWSCURRENT stays.
 * What certguard adds: AWSCURRENT moves only to a certificate Twilio accepted (VALIDATED, LIVE or ALREADY_PRESENT).
 *
 * <p>Which steps throw, and why: any step for a version that is not AWSPENDING (unknown or an older one), because a
 * rotation works only on the version named by its ClientRequestToken; testSecret and finishSecret before setSecret,
 * because nothing was uploaded; finishSecret while Twilio is still validating or after Twilio refused the certificate,
 * because AWSCURRENT would name a certificate Twilio does not serve. A step for the version that is already AWSCURRENT
 * (a repeat after finishSecret) succeeds without doing anything.
 */
@ExtendWith(AwsEmulator.class)
class RotationOrderEndToEndTest {

    private UploadScenario scenario;

    @AfterEach
    void stop() {
        if (scenario != null) {
            scenario.close();
        }
    }

    /** Whose version a step names. */
    enum Version {
        /** The AWSPENDING version holding the renewed bundle. */
        PENDING,
        /** A version that never existed. */
        UNKNOWN,
        /** The secret's first version, AWSPREVIOUS once rotation was turned on. */
        OLDER
    }

    /** One step and what it must answer: a message fragment on success, or the failure's fragment. */
    record Step(String name, Version version, boolean fails, String fragment) {
        static Step ok(String name, String fragment) {
            return new Step(name, Version.PENDING, false, fragment);
        }

        static Step fails(String name, String fragment) {
            return new Step(name, Version.PENDING, true, fragment);
        }

        static Step failsFor(String name, Version version, String fragment) {
            return new Step(name, version, true, fragment);
        }

        @Override
        public String toString() {
            return name + (version == Version.PENDING ? "" : "(" + version + ")") + (fails ? " fails" : "");
        }
    }

    /** What Twilio does with the upload. */
    enum Twilio {
        VALIDATES, REFUSES, ALREADY_HAS_IT
    }

    record Case(String name, Twilio twilio, List<Step> steps, boolean awsCurrentMoves, int posts) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String CREATED = "holds a value: nothing to create";
    private static final String UPLOADED = "uploaded to Twilio; Twilio is validating it";
    private static final String SERVED = "Twilio validated the certificate and links.example.com serves it";
    private static final String MOVED = "AWSCURRENT moved to version";
    private static final String ALREADY_CURRENT = "is already AWSCURRENT: nothing to do";
    private static final String NOT_UPLOADED = "has not been uploaded to domain";
    private static final String NOT_PENDING = "is not the secret's AWSPENDING version";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("finishSecret first, then the whole rotation", Twilio.VALIDATES, List.of(
                        Step.fails("finishSecret", NOT_UPLOADED + " " + UploadScenario.SID + ": AWSCURRENT stays"),
                        Step.ok("createSecret", CREATED), Step.ok("setSecret", UPLOADED), Step.ok("testSecret", SERVED),
                        Step.ok("finishSecret", MOVED)), true, 1),
                new Case("testSecret before setSecret", Twilio.VALIDATES, List.of(
                        Step.ok("createSecret", CREATED),
                        Step.fails("testSecret", NOT_UPLOADED + " " + UploadScenario.SID + ": run setSecret first"),
                        Step.fails("finishSecret", NOT_UPLOADED)), false, 0),
                new Case("finishSecret straight after setSecret, while Twilio validates", Twilio.VALIDATES, List.of(
                        Step.ok("createSecret", CREATED), Step.ok("setSecret", UPLOADED),
                        Step.fails("finishSecret", "is VALIDATING, not validated by Twilio"),
                        Step.ok("setSecret", "already uploaded (VALIDATING)"), Step.ok("testSecret", SERVED),
                        Step.ok("finishSecret", MOVED)), true, 1),
                new Case("createSecret twice, and every step again after finishSecret", Twilio.VALIDATES, List.of(
                        Step.ok("createSecret", CREATED), Step.ok("createSecret", CREATED), Step.ok("setSecret", UPLOADED),
                        Step.ok("testSecret", SERVED), Step.ok("finishSecret", MOVED),
                        Step.ok("setSecret", ALREADY_CURRENT), Step.ok("testSecret", ALREADY_CURRENT),
                        Step.ok("createSecret", ALREADY_CURRENT), Step.ok("finishSecret", ALREADY_CURRENT)), true, 1),
                new Case("Twilio refuses the certificate", Twilio.REFUSES, List.of(
                        Step.ok("createSecret", CREATED), Step.ok("setSecret", UPLOADED),
                        Step.fails("testSecret", "Twilio did not accept version"),
                        Step.fails("finishSecret", "is REJECTED_BY_TWILIO, not validated by Twilio"),
                        Step.fails("setSecret", "was not accepted earlier (REJECTED_BY_TWILIO)")), false, 1),
                new Case("Twilio already has the certificate: finishSecret needs no testSecret", Twilio.ALREADY_HAS_IT,
                        List.of(Step.ok("setSecret", "Twilio already"), Step.ok("finishSecret", MOVED)), true, 0),
                new Case("steps for versions that are not AWSPENDING", Twilio.VALIDATES, List.of(
                        Step.failsFor("createSecret", Version.UNKNOWN, NOT_PENDING + " (its labels: none;"),
                        Step.failsFor("setSecret", Version.OLDER, NOT_PENDING + " (its labels: AWSPREVIOUS;"),
                        Step.failsFor("finishSecret", Version.OLDER, NOT_PENDING),
                        Step.ok("setSecret", UPLOADED)), false, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stepsOutOfOrderOrRepeated_areIdempotent_andAwsCurrentMovesOnlyToAnAcceptedCertificate(Case c, AwsClients aws,
            SqsClient sqs) {
        scenario = new UploadScenario(aws, sqs, 20);
        scenario.enableRotation();
        String currentBefore = awsCurrent();
        String token = UploadScenario.newToken();
        HeldCertificate renewed = c.twilio() == Twilio.ALREADY_HAS_IT ? scenario.currentLeaf : scenario.leaf(130);
        scenario.putPending(token, scenario.world.bundlePem(renewed));
        scenario.world.tls().serve(UploadScenario.HOST, scenario.world.chain(renewed));
        if (c.twilio() == Twilio.REFUSES) {
            scenario.world.twilio().addDomain(SimulatedDomain.of(UploadScenario.SID, UploadScenario.HOST)
                    .withCertificateExpiring(UploadScenario.T0.plus(Duration.ofDays(20)))
                    .withValidationPlan(ValidationPlan.afterReads(0, ValidationOutcome.DROP)));
        }

        for (Step step : c.steps()) {
            String version = switch (step.version()) {
                case PENDING -> token;
                case UNKNOWN -> UploadScenario.newToken();
                case OLDER -> scenario.firstVersion;
            };
            String event = scenario.rotationEvent(step.name(), version);
            if (step.fails()) {
                assertThatThrownBy(() -> scenario.invoke(event)).as("%s", step)
                        .isInstanceOf(RotationStepException.class)
                        .hasMessageStartingWith(step.name() + " for secret " + scenario.secretName + " failed: ")
                        .hasMessageContaining(step.fragment());
            } else {
                assertThat(scenario.invoke(event).string("message")).as("%s", step).contains(step.fragment());
            }
        }

        assertThat(awsCurrent()).as("AWSCURRENT").isEqualTo(c.awsCurrentMoves() ? token : currentBefore);
        Map<String, List<String>> stages = scenario.secrets().describeSecret(b -> b.secretId(scenario.secretName))
                .versionIdsToStages();
        assertThat(stages.get(token)).as("the renewed version's labels")
                .containsExactly(c.awsCurrentMoves() ? "AWSCURRENT" : "AWSPENDING");
        assertThat(scenario.certificatePosts()).as("POSTs to Twilio").hasSize(c.posts());
    }

    private String awsCurrent() {
        return scenario.secrets().describeSecret(b -> b.secretId(scenario.secretName)).versionIdsToStages().entrySet()
                .stream().filter(e -> e.getValue().contains("AWSCURRENT")).findFirst().orElseThrow().getKey();
    }
}
