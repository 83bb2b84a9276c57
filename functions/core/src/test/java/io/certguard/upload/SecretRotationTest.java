package io.certguard.upload;

import static io.certguard.upload.UploadWorld.SECRET;
import static io.certguard.upload.UploadWorld.bundle;
import static io.certguard.upload.UploadWorld.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.secret.SecretDescription;
import io.certguard.testpki.HeldCertificate;
import io.certguard.upload.UploadTrigger.RotationStepName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rotation contract over in-memory ports; time is a budget the sleeper spends, never the wall clock. */
class SecretRotationTest {

    private static final String TOKEN = "7c1e0d3a-5b2f-4e8a-9d6c-0f1e2d3c4b5a";
    private static final HeldCertificate NEW_LEAF = leaf(120);

    private final UploadWorld world = new UploadWorld(20);
    private final List<Duration> sleeps = new ArrayList<>();
    private Duration budget = Duration.ofMinutes(14);
    private final SecretRotation rotation = new SecretRotation(world.secrets, world.secrets, world.uploader, world.poller,
            world.settings, new SecretRotation.Wait(Duration.ofSeconds(10), Duration.ofSeconds(30), 40), duration -> {
                sleeps.add(duration);
                budget = budget.minus(duration);
                world.clock.advance(duration);
            }, world.clock);

    @BeforeEach
    void secret() {
        world.secrets.put(SECRET, "v1", bundle(leaf(20)), "AWSCURRENT");
        world.secrets.put(SECRET, TOKEN, bundle(NEW_LEAF), "AWSPENDING");
    }

    private RotationResult step(RotationStepName name) {
        return rotation.run(new UploadTrigger.RotationStep(name, SECRET, TOKEN), () -> budget);
    }

    @Test
    void theFourSteps_inOrderAndEachRepeated_uploadOnce_waitForTwilioAndTheHost_thenMoveAwsCurrent() {
        world.serve(NEW_LEAF);
        List<String> messages = new ArrayList<>();
        for (RotationStepName name : RotationStepName.values()) {
            messages.add(step(name).message());
            messages.add(step(name).message());
        }

        assertThat(messages).containsExactly(
                "the AWSPENDING version " + TOKEN + " holds a value: nothing to create",
                "the AWSPENDING version " + TOKEN + " holds a value: nothing to create",
                "uploaded to Twilio; Twilio is validating it",
                "already uploaded (VALIDATING)",
                "Twilio validated the certificate and links.example.com serves it",
                "Twilio validated the certificate and links.example.com serves it",
                "AWSCURRENT moved to version " + TOKEN + " from v1 (LIVE)",
                "version " + TOKEN + " is already AWSCURRENT: nothing to do");
        assertThat(world.twilio.posted).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10)); // pending once, then validated and served
        SecretDescription after = world.secrets.describe(SECRET);
        assertThat(after.stagesOf(TOKEN)).containsExactly("AWSCURRENT");
        assertThat(after.stagesOf("v1")).containsExactly("AWSPREVIOUS");
        assertThat(world.record(TOKEN).status()).isEqualTo(UploadStatus.LIVE);
        assertThat(world.subjects()).containsExactly("[RESOLVED INFO] links.example.com certificate replaced, now expires "
                + NEW_LEAF.certificate().getNotAfter().toInstant().toString().substring(0, 10));
    }

    @Test
    void createSecret_withoutABundleAtAwsPending_failsSayingHowToStoreOne() {
        world.secrets.put(SECRET, TOKEN, null, "AWSPENDING");

        assertThatThrownBy(() -> step(RotationStepName.CREATE_SECRET))
                .isInstanceOf(RotationStepException.class)
                .hasMessage("createSecret for secret " + SECRET + " failed: the AWSPENDING version " + TOKEN + " holds no"
                        + " certificate bundle. certguard does not issue certificates: store the renewed bundle first"
                        + " (PutSecretValue with ClientRequestToken " + TOKEN + " and VersionStages AWSPENDING), then"
                        + " rotate again");
    }

    @Test
    void aVersionThatIsNotAwsPending_orASecretWithoutRotation_failsEveryStep() {
        world.secrets.put(SECRET, "v0", bundle(NEW_LEAF), "AWSPREVIOUS");
        world.secrets.create("certguard/not-rotated", Map.of(), false);
        world.secrets.put("certguard/not-rotated", TOKEN, bundle(NEW_LEAF), "AWSPENDING");

        assertThatThrownBy(() -> rotation.run(new UploadTrigger.RotationStep(RotationStepName.SET_SECRET, SECRET, "v0"),
                () -> budget)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("setSecret for secret " + SECRET + " failed: version v0 is not the secret's"
                        + " AWSPENDING version (its labels: AWSPREVIOUS;");
        assertThatThrownBy(() -> rotation.run(new UploadTrigger.RotationStep(RotationStepName.CREATE_SECRET,
                "certguard/not-rotated", TOKEN), () -> budget)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("rotation is not enabled for this secret");
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void setSecret_ofAnInvalidBundle_failsWithTheFindings_everyTime_andAlarmsOnce() {
        world.secrets.put(SECRET, TOKEN, UploadWorld.PKI.chainPem(NEW_LEAF), "AWSPENDING"); // no private key

        assertThatThrownBy(() -> step(RotationStepName.SET_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("setSecret for secret " + SECRET + " failed: version " + TOKEN
                        + " was not uploaded; the bundle has 1 error:\n- ERROR NO_PRIVATE_KEY")
                .hasMessageContaining("an UPLOAD_REJECTED alarm was sent");
        assertThatThrownBy(() -> step(RotationStepName.SET_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("was not accepted earlier (REJECTED)");
        assertThatThrownBy(() -> step(RotationStepName.FINISH_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("is REJECTED, not validated by Twilio");
        assertThat(world.subjects()).containsExactly("[30132 CRITICAL] links.example.com replacement certificate not uploaded");
        assertThat(world.secrets.stageMoves).isEmpty();
    }

    @Test
    void testSecret_givesUpWhenTheInvocationRunsOutOfTime_sayingWhereTheUploadStands() {
        world.twilio.pendingReads = 1_000;
        step(RotationStepName.SET_SECRET);
        budget = Duration.ofSeconds(90);

        assertThatThrownBy(() -> step(RotationStepName.TEST_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("testSecret for secret " + SECRET + " failed: version " + TOKEN + " is still"
                        + " VALIDATING after 7 polls in this invocation (pending)")
                .hasMessageContaining("AWSCURRENT stays; the validation poll keeps following the upload");
        assertThat(sleeps).hasSize(6);
        assertThat(budget).as("the margin is kept for the answer").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void testSecret_isBoundedByItsPollCount_whateverTheRemainingTimeSays() {
        world.twilio.pendingReads = 1_000;
        step(RotationStepName.SET_SECRET);
        budget = Duration.ofDays(365);

        assertThatThrownBy(() -> step(RotationStepName.TEST_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("still VALIDATING after 40 polls");
        assertThat(sleeps).hasSize(39);
    }

    @Test
    void testSecret_waitsForTheHost_andFinishSecret_stillMovesAValidatedCertificate() {
        step(RotationStepName.SET_SECRET);
        budget = Duration.ofSeconds(60);

        assertThatThrownBy(() -> step(RotationStepName.TEST_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("is still VALIDATED after")
                .hasMessageContaining("validated; waiting for the host: the host could not be probed: connection refused");
        RotationResult finished = step(RotationStepName.FINISH_SECRET);

        assertThat(finished.message()).isEqualTo("AWSCURRENT moved to version " + TOKEN + " from v1 (VALIDATED)");
    }

    @Test
    void finishSecret_beforeTwilioValidated_leavesAwsCurrentAlone() {
        world.twilio.pendingReads = 1_000;
        step(RotationStepName.SET_SECRET);

        assertThatThrownBy(() -> step(RotationStepName.FINISH_SECRET)).isInstanceOf(RotationStepException.class)
                .hasMessageStartingWith("finishSecret for secret " + SECRET + " failed: version " + TOKEN
                        + " is VALIDATING, not validated by Twilio (posted; Twilio is validating it. Findings:\n- WARNING"
                        + " EC_KEY")
                .hasMessageEndingWith("); AWSCURRENT stays on the certificate Twilio serves");
        assertThat(world.secrets.describe(SECRET).stagesOf("v1")).containsExactly("AWSCURRENT");
    }
}
