package io.certguard.upload;

import static io.certguard.upload.UploadWorld.NOW;
import static io.certguard.upload.UploadWorld.SECRET;
import static io.certguard.upload.UploadWorld.SID;
import static io.certguard.upload.UploadWorld.bundle;
import static io.certguard.upload.UploadWorld.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.twilio.TwilioError;
import io.certguard.twilio.TwilioRateLimitedException;
import io.certguard.twilio.TwilioRejectedException;
import io.certguard.twilio.TwilioUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The upload use case's decisions over in-memory ports. */
class CertificateUploaderTest {

    private static final HeldCertificate NEW_LEAF = leaf(120);

    private final UploadWorld world = new UploadWorld(40);

    @Test
    void aValidBundle_isPostedOnce_andRecordedValidating_withTheLeafsIdentity_forThePoll() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");

        UploadOutcome outcome = world.upload("v2");

        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Uploaded.class, u -> assertThat(u.posted()).isTrue());
        assertThat(world.twilio.posted).containsExactly(bundle(NEW_LEAF));
        UploadRecord record = world.record("v2");
        assertThat(record.status()).isEqualTo(UploadStatus.VALIDATING);
        assertThat(record.leafNotAfter()).contains(NEW_LEAF.certificate().getNotAfter().toInstant());
        assertThat(record.leafFingerprint()).contains(CertificateFingerprint.sha256(NEW_LEAF.certificate()));
        assertThat(record.leafSerial()).contains(NEW_LEAF.certificate().getSerialNumber().toString(16));
        assertThat(record.previousExpires()).contains(NOW.plus(Duration.ofDays(40)));
        assertThat(record.uploadedAt()).contains(NOW);
        assertThat(record.pollAt()).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(record.host()).contains("links.example.com");
        assertThat(record.claimExpiresAt()).isEmpty();
        assertThat(world.alarms).isEmpty();
    }

    @Test
    void aSecondDeliveryOfTheSameVersion_doesNothing() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.upload("v2");

        UploadOutcome again = world.upload("v2");

        assertThat(again).isInstanceOfSatisfying(UploadOutcome.Duplicate.class,
                d -> assertThat(d.existing().status()).isEqualTo(UploadStatus.VALIDATING));
        assertThat(world.twilio.posted).hasSize(1);
    }

    @Test
    void concurrentDeliveries_postOnce() throws Exception {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<UploadOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return world.upload("v2");
                }));
            }
            start.countDown();
            List<String> kinds = new ArrayList<>();
            for (Future<UploadOutcome> run : runs) {
                kinds.add(run.get(30, TimeUnit.SECONDS).kind());
            }
            assertThat(kinds).containsOnlyOnce("uploaded").hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.twilio.posted).hasSize(1);
    }

    @Test
    void aLiveClaimOfAnotherRun_isLeftAlone_butALapsedOneIsTakenOver() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.store.save(UploadRecord.claim(SID, "v2", world.secrets.arn(SECRET), NOW.plus(Duration.ofMinutes(15)))
                .toStateRecord());

        UploadOutcome whileHeld = world.upload("v2");
        world.clock.set(NOW.plus(Duration.ofMinutes(15)));
        UploadOutcome afterLease = world.upload("v2");

        assertThat(whileHeld).isInstanceOfSatisfying(UploadOutcome.Duplicate.class,
                d -> assertThat(d.existing().status()).isEqualTo(UploadStatus.IN_PROGRESS));
        assertThat(afterLease).isInstanceOf(UploadOutcome.Uploaded.class);
        assertThat(world.twilio.posted).hasSize(1);
    }

    @Test
    void twilioUnavailable_releasesTheClaimAndThrows_soTheRetryUploads() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.twilio.postFailures.add(new TwilioUnavailableException("POST /v1/…/Certificate: HTTP 503", 503,
                Optional.empty(), null));

        assertThatThrownBy(() -> world.upload("v2"))
                .isInstanceOf(TransientUploadException.class)
                .hasMessageContaining("version v2 of secret certguard/certificates/links.example.com was not uploaded to"
                        + " domain " + SID + " now (TwilioUnavailableException: POST /v1/…/Certificate: HTTP 503)")
                .hasMessageContaining("the claim was released");
        UploadRecord released = world.record("v2");
        assertThat(released.status()).isEqualTo(UploadStatus.IN_PROGRESS);
        assertThat(released.claimLapsed(NOW)).isTrue();

        UploadOutcome retried = world.upload("v2");

        assertThat(retried).isInstanceOf(UploadOutcome.Uploaded.class);
        assertThat(world.twilio.posted).hasSize(1);
        assertThat(world.alarms).isEmpty();
    }

    @Test
    void rateLimitedWhileReadingTwilio_alsoReleasesAndThrows() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.twilio.fetchFailures.add(new TwilioRateLimitedException("GET …: HTTP 429", Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> world.upload("v2")).isInstanceOf(TransientUploadException.class)
                .hasMessageContaining("TwilioRateLimitedException");
        assertThat(world.record("v2").claimLapsed(NOW)).isTrue();
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void twilioRefusingThePost_isRejectedByApi_withAnAlarmCarryingTwilioCodeAndMessage() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.twilio.postFailures.add(new TwilioRejectedException("POST /v1/LinkShortening/Domains/" + SID
                + "/Certificate: HTTP 400 (Twilio error 30132: Certificate cannot be validated)", 400,
                Optional.of(new TwilioError(Optional.of(30132), "Certificate cannot be validated", Optional.empty(),
                        Optional.of(400)))));

        UploadOutcome outcome = world.upload("v2");

        assertThat(outcome).isInstanceOf(UploadOutcome.Rejected.class);
        UploadRecord record = world.record("v2");
        assertThat(record.status()).isEqualTo(UploadStatus.REJECTED_BY_API);
        assertThat(record.detail()).hasValueSatisfying(d -> assertThat(d).contains("Twilio refused it")
                .contains("Twilio error 30132: Certificate cannot be validated"));
        assertThat(record.pollAt()).isEmpty();
        assertThat(world.subjects()).containsExactly(
                "[30132 WARNING] links.example.com replacement certificate not uploaded");
        assertThat(world.alarms.get(0).emailText()).contains("Twilio error 30132: Certificate cannot be validated")
                .contains("New leaf SHA-256:  " + CertificateFingerprint.sha256(NEW_LEAF.certificate()));
        assertThat(AlarmOutbox.read(world.store.load(record.key()).orElseThrow())).isEmpty();
    }

    @Test
    void anInvalidBundle_isRejected_withoutAPost_andTheAlarmListsEveryFinding_butNoKeyMaterial() {
        HeldCertificate other = leaf(120);
        String mismatched = PKI_CHAIN(NEW_LEAF) + other.privateKeyPkcs8Pem();
        world.secrets.put(SECRET, "v2", mismatched, "AWSCURRENT");

        UploadOutcome outcome = world.upload("v2");

        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r ->
                assertThat(r.toJson().get("findings")).asString().contains("ERROR KEY_MISMATCH").contains("WARNING EC_KEY"));
        assertThat(world.twilio.posted).isEmpty();
        assertThat(world.record("v2").status()).isEqualTo(UploadStatus.REJECTED);
        AlarmMessage alarm = world.alarms.get(0);
        assertThat(alarm.subject()).isEqualTo("[30132 WARNING] links.example.com replacement certificate not uploaded");
        assertThat(alarm.attributes()).containsEntry("error_code", "30132").containsEntry("alarm_type", "UPLOAD_REJECTED");
        assertThat(alarm.emailText()).contains("version v2 was not uploaded; the bundle has 1 error:")
                .contains("- ERROR KEY_MISMATCH").contains("- WARNING EC_KEY");
        String keyBody = other.privateKeyPkcs8Pem().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(alarm.emailText() + alarm.defaultText() + alarm.smsText() + world.record("v2"))
                .doesNotContain(keyBody);
    }

    @Test
    void aRejection_isCritical_whenTheCurrentCertificateIsWithinTheThresholds() {
        UploadWorld urgent = new UploadWorld(10);
        urgent.secrets.put(SECRET, "v2", bundle(leaf(5)), "AWSCURRENT");

        urgent.upload("v2");

        assertThat(urgent.subjects()).containsExactly("[30132 CRITICAL] links.example.com replacement certificate not uploaded");
        assertThat(urgent.record("v2").detail()).hasValueSatisfying(d -> assertThat(d).contains("NOT_NEWER"));
    }

    @Test
    void theCertificateTwilioAlreadyHas_isRecordedAlreadyPresent_notPosted() {
        HeldCertificate current = leaf(40);
        world.twilio.expires = Optional.of(current.certificate().getNotAfter().toInstant());
        world.secrets.put(SECRET, "v1", bundle(current), "AWSCURRENT");

        UploadOutcome outcome = world.upload("v1");

        assertThat(outcome).isInstanceOf(UploadOutcome.AlreadyPresent.class);
        assertThat(world.record("v1").status()).isEqualTo(UploadStatus.ALREADY_PRESENT);
        assertThat(world.record("v1").detail()).hasValueSatisfying(d -> assertThat(d).startsWith("Twilio already has this certificate"));
        assertThat(world.twilio.posted).isEmpty();
        assertThat(world.alarms).isEmpty();
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneWasUploaded_isNotNewer_evenWhileTwilioStillValidates() {
        HeldCertificate newer = leaf(150);
        HeldCertificate older = leaf(100);
        world.secrets.put(SECRET, "v3", bundle(newer), "AWSCURRENT");
        world.upload("v3");
        world.secrets.put(SECRET, "v2", bundle(older), "AWSPREVIOUS");
        world.twilio.candidate = Optional.empty(); // Twilio's answer lags: certguard's own record still says VALIDATING

        UploadOutcome late = world.upload("v2");

        assertThat(late).isInstanceOf(UploadOutcome.Rejected.class);
        assertThat(world.record("v2").detail()).hasValueSatisfying(d -> assertThat(d).contains("ERROR NOT_NEWER"));
        assertThat(world.twilio.posted).containsExactly(bundle(newer));
    }

    @Test
    void whenTwilioAlreadyValidatesThisLeaf_theRetryFollowsItWithoutASecondPost() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.twilio.inValidation(NEW_LEAF.certificate().getNotAfter().toInstant());

        UploadOutcome outcome = world.upload("v2");

        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Uploaded.class, u -> assertThat(u.posted()).isFalse());
        assertThat(world.record("v2").status()).isEqualTo(UploadStatus.VALIDATING);
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void theSameCertificateStoredAgainAsANewVersion_isAlreadyPresent() {
        world.secrets.put(SECRET, "v2", bundle(NEW_LEAF), "AWSCURRENT");
        world.upload("v2");
        world.secrets.put(SECRET, "v3", bundle(NEW_LEAF), "AWSCURRENT");

        UploadOutcome outcome = world.upload("v3");

        assertThat(outcome).isInstanceOf(UploadOutcome.AlreadyPresent.class);
        assertThat(world.record("v3").detail()).contains("the same certificate was uploaded from version v2 (VALIDATING):"
                + " not posted again");
        assertThat(world.twilio.posted).hasSize(1);
    }

    @Test
    void aSecretNamingNoDomain_isUnresolved_withoutAClaim_andAlarmedOncePerVersion() {
        world.secrets.create("certguard/untagged", Map.of(), false);
        world.secrets.put("certguard/untagged", "v1", bundle(NEW_LEAF), "AWSCURRENT");

        UploadOutcome outcome = world.uploader.upload(new UploadRequest("certguard/untagged", Optional.empty(), false), NOW);

        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Unresolved.class, u -> assertThat(u.reason())
                .isEqualTo("version v1 of secret certguard/untagged was not uploaded: the secret names no domain: tag it"
                        + " certguard:domain-sid=DN… or put \"domainSid\" in the JSON bundle"));
        assertThat(world.store.loadPartition("DOMAIN#" + SID)).isEmpty();
        UploadOutcome again = world.uploader.upload(new UploadRequest("certguard/untagged", Optional.empty(), false), NOW);
        assertThat(again).isInstanceOf(UploadOutcome.Unresolved.class);
        assertThat(world.alarms).hasSize(1);
        assertThat(world.alarms.get(0).subject()).isEqualTo("[30132 WARNING] certificate secret certguard/untagged-abcdef not uploaded");
        assertThat(world.alarms.get(0).attributes()).containsEntry("alarm_type", "UPLOAD_REJECTED")
                .containsEntry("domain_sid", "unknown");
        assertThat(world.alarms.get(0).emailText()).contains("tag the secret certguard:domain-sid=DN...")
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void aJsonBundleNamesItsDomain_whenTheSecretHasNoTag() {
        world.secrets.create("certguard/json", Map.of(), false);
        world.secrets.put("certguard/json", "v1", "{\"certificate\":" + quote(PKI_CHAIN(NEW_LEAF)) + ",\"privateKey\":"
                + quote(NEW_LEAF.privateKeyPkcs8Pem()) + ",\"domainSid\":\"" + SID + "\"}", "AWSCURRENT");

        UploadOutcome outcome = world.uploader.upload(new UploadRequest("certguard/json", Optional.empty(), false), NOW);

        assertThat(outcome).isInstanceOf(UploadOutcome.Uploaded.class);
        assertThat(world.twilio.posted).hasSize(1);
    }

    @Test
    void aTagAndADomainSidThatDisagree_areRejected_andTheTaggedDomainIsAlarmed() {
        String otherSid = "DN" + "f".repeat(32);
        world.secrets.put(SECRET, "v2", "{\"certificate\":" + quote(PKI_CHAIN(NEW_LEAF)) + ",\"privateKey\":"
                + quote(NEW_LEAF.privateKeyPkcs8Pem()) + ",\"domainSid\":\"" + otherSid + "\"}", "AWSCURRENT");

        UploadOutcome outcome = world.upload("v2");

        assertThat(outcome).isInstanceOf(UploadOutcome.Rejected.class);
        assertThat(world.record("v2").detail()).contains("version v2 was not uploaded: the secret's tag certguard:domain-sid"
                + " names " + SID + " but the bundle's domainSid names " + otherSid
                + "; make them agree (or drop one) and store a new version");
        assertThat(world.alarms).hasSize(1);
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void secretsOutsideThePrefix_andPendingOnlyVersions_areIgnored() {
        world.secrets.create("other/app", Map.of(DomainResolution.TAG, SID.value()), false);
        world.secrets.put("other/app", "v1", bundle(NEW_LEAF), "AWSCURRENT");
        world.secrets.put(SECRET, "p1", bundle(NEW_LEAF), "AWSPENDING");

        UploadOutcome outside = world.uploader.upload(new UploadRequest("other/app", Optional.empty(), false), NOW);
        UploadOutcome pending = world.upload("p1");

        assertThat(outside).isInstanceOfSatisfying(UploadOutcome.Ignored.class, i -> assertThat(i.reason())
                .isEqualTo("secret other/app is outside the certificate prefix certguard/"));
        assertThat(pending).isInstanceOfSatisfying(UploadOutcome.Ignored.class, i -> assertThat(i.reason())
                .isEqualTo("version p1 is AWSPENDING: the rotation's setSecret uploads it"));
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void anAlarmWhosePublishFailed_staysInTheOutbox_andTheNextDeliveryPublishesIt() {
        world.secrets.put(SECRET, "v2", bundle(leaf(5)), "AWSCURRENT");
        world.publishFails.set(true);
        UploadOutcome first = world.upload("v2");
        assertThat(first.toJson()).containsEntry("alarmsPending", 1);
        assertThat(AlarmOutbox.read(world.store.load(world.record("v2").key()).orElseThrow())).hasSize(1);

        world.publishFails.set(false);
        UploadOutcome redelivered = world.upload("v2");

        assertThat(redelivered.toJson()).containsEntry("alarmsPublished", 1);
        assertThat(world.subjects()).containsExactly("[30132 WARNING] links.example.com replacement certificate not uploaded");
        assertThat(AlarmOutbox.read(world.store.load(world.record("v2").key()).orElseThrow())).isEmpty();
    }

    private static String PKI_CHAIN(HeldCertificate leaf) {
        return UploadWorld.PKI.chainPem(leaf);
    }

    @Test
    void aBundleHandedOverDirectly_isPostedAndRecordedLikeASecretVersion_underItsVersionId() {
        UploadOutcome outcome = world.uploader.uploadBundle(direct("cli-1", NEW_LEAF, false), NOW);

        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Uploaded.class, u -> assertThat(u.posted()).isTrue());
        assertThat(world.twilio.posted).containsExactly(bundle(NEW_LEAF));
        UploadRecord record = world.record("cli-1");
        assertThat(record.status()).isEqualTo(UploadStatus.VALIDATING);
        assertThat(record.secretId()).isEqualTo("bundle.pem");
        assertThat(record.pollAt()).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aDirectBundleNotNewerThanTwilios_isRejected_unlessForced_thenPostedWithAWarning() {
        HeldCertificate older = leaf(20); // Twilio's expires in 40 days

        UploadOutcome refused = world.uploader.uploadBundle(direct("cli-1", older, false), NOW);
        UploadOutcome forced = world.uploader.uploadBundle(direct("cli-2", older, true), NOW);

        assertThat(refused).isInstanceOf(UploadOutcome.Rejected.class);
        assertThat(world.record("cli-1").detail()).hasValueSatisfying(d -> assertThat(d).contains("ERROR NOT_NEWER"));
        assertThat(forced).isInstanceOfSatisfying(UploadOutcome.Uploaded.class, u -> assertThat(u.findings())
                .anySatisfy(f -> assertThat(f.code().name()).isEqualTo("NOT_NEWER")));
        assertThat(world.twilio.posted).containsExactly(bundle(older));
    }

    @Test
    void aDirectJsonBundleNamingAnotherDomain_isRejected_withoutAPost() {
        String otherSid = "DN" + "f".repeat(32);
        String json = "{\"certificate\":" + quote(PKI_CHAIN(NEW_LEAF)) + ",\"privateKey\":"
                + quote(NEW_LEAF.privateKeyPkcs8Pem()) + ",\"domainSid\":\"" + otherSid + "\"}";

        UploadOutcome outcome = world.uploader.uploadBundle(new BundleUpload(SID, "bundle.json", "cli-1",
                io.certguard.bundle.BundleInput.fromText(json), false), NOW);

        assertThat(outcome).isInstanceOf(UploadOutcome.Rejected.class);
        assertThat(world.record("cli-1").detail()).hasValueSatisfying(d -> assertThat(d).contains(otherSid));
        assertThat(world.twilio.posted).isEmpty();
    }

    @Test
    void anUploaderForBundles_readsNoSecret() {
        CertificateUploader direct = CertificateUploader.forBundles(world.store, credentials -> world.twilio,
                alarm -> "id", new UploadAlarmRenderer(), new UploadPolicy(world.settings),
                sid -> new io.certguard.domain.MonitoredDomain(sid, Optional.of(UploadWorld.HOST), 443));

        assertThatThrownBy(() -> direct.upload(new UploadRequest(SECRET, Optional.empty(), false), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reads no secret");
        assertThat(direct.uploadBundle(direct("cli-1", NEW_LEAF, false), NOW)).isInstanceOf(UploadOutcome.Uploaded.class);
    }

    private static BundleUpload direct(String versionId, HeldCertificate leaf, boolean force) {
        return new BundleUpload(SID, "bundle.pem", versionId, io.certguard.bundle.BundleInput.fromText(bundle(leaf)), force);
    }

    private static String quote(String text) {
        return io.certguard.json.Json.write(text);
    }
}
