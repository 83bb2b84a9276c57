package io.certguard.upload;

import io.certguard.domain.DomainSid;
import io.certguard.scan.DomainStateRecords;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upload of one certificate-bundle version to one domain, from claim to live certificate: the upload function
 * writes it, the validation poll advances it, and the scan reads it ("validation in progress"). Stored in the domain's
 * partition under {@code UPLOAD#<secret version id>}; while the poll follows it, it sits in the sparse poll index.
 * Holds certificate identities only (fingerprint, serial, dates), never key material.
 *
 * @param status             where the upload stands
 * @param secretId           the secret's ARN (or name)
 * @param host               the domain's host, for the live check and alarms
 * @param leafNotAfter       the uploaded leaf's expiry (Twilio's {@code date_expires} once validated)
 * @param leafFingerprint    SHA-256 of the uploaded leaf (hex), compared with what the host serves
 * @param leafSerial         the uploaded leaf's serial number (hex)
 * @param previousExpires    Twilio's {@code date_expires} before the upload (to tell a dropped upload)
 * @param uploadedAt         when the POST was accepted
 * @param validatedAt        when the poll first saw Twilio report the new certificate
 * @param polls              how many times the poll has looked at it
 * @param consecutiveFailures polls in a row that could not read Twilio or the host
 * @param alarmsSent         alarm types already sent for this upload (each once)
 * @param detail             the last human-readable reason (findings, Twilio's error, the unknown status), no secrets
 * @param claimExpiresAt     for IN_PROGRESS: when the claim lapses and another run may take over
 * @param pollAt             when the poll should look next (empty: not followed)
 */
public record UploadRecord(
        DomainSid domain,
        String versionId,
        UploadStatus status,
        String secretId,
        Optional<String> host,
        Optional<Instant> leafNotAfter,
        Optional<String> leafFingerprint,
        Optional<String> leafSerial,
        Optional<Instant> previousExpires,
        Optional<Instant> uploadedAt,
        Optional<Instant> validatedAt,
        int polls,
        int consecutiveFailures,
        List<String> alarmsSent,
        Optional<String> detail,
        Optional<Instant> claimExpiresAt,
        Optional<Instant> pollAt) {

    public UploadRecord {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(leafNotAfter, "leafNotAfter");
        Objects.requireNonNull(leafFingerprint, "leafFingerprint");
        Objects.requireNonNull(leafSerial, "leafSerial");
        Objects.requireNonNull(previousExpires, "previousExpires");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(claimExpiresAt, "claimExpiresAt");
        Objects.requireNonNull(pollAt, "pollAt");
        alarmsSent = List.copyOf(alarmsSent);
        if (pollAt.isPresent() && !status.polled()) {
            throw new IllegalArgumentException("an upload in status " + status + " is not polled");
        }
    }

    /** A run's claim on one version (IN_PROGRESS), leased until {@code until}: nothing else is known yet. */
    public static UploadRecord claim(DomainSid domain, String versionId, String secretId, Instant until) {
        return new UploadRecord(domain, versionId, UploadStatus.IN_PROGRESS, secretId, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, List.of(),
                Optional.of("claimed by an upload run"), Optional.of(until), Optional.empty());
    }

    /** An IN_PROGRESS claim whose lease has run out (or that was released): another run may take it over. */
    public boolean claimLapsed(Instant now) {
        return status == UploadStatus.IN_PROGRESS && claimExpiresAt.map(until -> !now.isBefore(until)).orElse(true);
    }

    /** The claim given up at {@code now} so that a retry takes it over at once; {@code why} says what failed. */
    public UploadRecord released(Instant now, String why) {
        if (status != UploadStatus.IN_PROGRESS) {
            throw new IllegalStateException("only an IN_PROGRESS claim can be released; " + key() + " is " + status);
        }
        return new UploadRecord(domain, versionId, status, secretId, host, leafNotAfter, leafFingerprint, leafSerial,
                previousExpires, uploadedAt, validatedAt, polls, consecutiveFailures, alarmsSent, Optional.of(why),
                Optional.of(now), Optional.empty());
    }

    /**
     * The claimed upload as decided: what the bundle's leaf is (when known), what Twilio had, and where it stands. The
     * claim ends; {@code uploadedAt} is set for an upload Twilio now validates.
     */
    public UploadRecord decided(UploadStatus next, Optional<String> domainHost, Optional<Instant> notAfter,
            Optional<String> fingerprint, Optional<String> serial, Optional<Instant> twilioExpires,
            Optional<Instant> postedAt, Optional<String> why, Optional<Instant> nextPoll) {
        return new UploadRecord(domain, versionId, next, secretId, domainHost, notAfter, fingerprint, serial, twilioExpires,
                postedAt, Optional.empty(), 0, 0, alarmsSent, why, Optional.empty(), nextPoll);
    }

    public static RecordKey key(DomainSid domain, String versionId) {
        return new RecordKey(DomainStateRecords.partition(domain), DomainStateRecords.UPLOAD_PREFIX + versionId);
    }

    public RecordKey key() {
        return key(domain, versionId);
    }

    public boolean alarmSent(String type) {
        return alarmsSent.contains(type);
    }

    /** The same upload in another status, polled next at {@code nextPoll} (empty: no longer followed). */
    public UploadRecord withStatus(UploadStatus next, Optional<Instant> nextPoll, Optional<String> why) {
        return new UploadRecord(domain, versionId, next, secretId, host, leafNotAfter, leafFingerprint, leafSerial,
                previousExpires, uploadedAt, validatedAt, polls, consecutiveFailures, alarmsSent, why, claimExpiresAt,
                nextPoll);
    }

    /** One more poll, with the run of failed reads continued ({@code failed}) or reset. */
    public UploadRecord polled(boolean failed) {
        return new UploadRecord(domain, versionId, status, secretId, host, leafNotAfter, leafFingerprint, leafSerial,
                previousExpires, uploadedAt, validatedAt, polls + 1, failed ? consecutiveFailures + 1 : 0, alarmsSent,
                detail, claimExpiresAt, pollAt);
    }

    public UploadRecord withAlarmSent(String key) {
        List<String> sent = new java.util.ArrayList<>(alarmsSent);
        if (!sent.contains(key)) {
            sent.add(key);
        }
        return new UploadRecord(domain, versionId, status, secretId, host, leafNotAfter, leafFingerprint, leafSerial,
                previousExpires, uploadedAt, validatedAt, polls, consecutiveFailures, sent, detail, claimExpiresAt, pollAt);
    }

    public UploadRecord withValidatedAt(Instant at) {
        return new UploadRecord(domain, versionId, status, secretId, host, leafNotAfter, leafFingerprint, leafSerial,
                previousExpires, uploadedAt, Optional.of(at), polls, consecutiveFailures, alarmsSent, detail,
                claimExpiresAt, pollAt);
    }

    // ---- mapping to the state table ----

    private static final String STATUS = "status";
    private static final String SECRET = "secretId";
    private static final String HOST = "host";
    private static final String NOT_AFTER = "leafNotAfter";
    private static final String FINGERPRINT = "leafFingerprint";
    private static final String SERIAL = "leafSerial";
    private static final String PREVIOUS = "previousExpires";
    private static final String UPLOADED = "uploadedAt";
    private static final String VALIDATED = "validatedAt";
    private static final String POLLS = "polls";
    private static final String FAILURES = "consecutiveFailures";
    private static final String ALARMS = "alarmsSent";
    private static final String DETAIL = "detail";
    private static final String CLAIM = "claimExpiresAt";

    /** The stored form, keeping the record's other attributes (its alarm outbox) and its version. */
    public StateRecord toStateRecord(StateRecord base) {
        Map<String, String> a = new LinkedHashMap<>(base.attributes());
        a.put(STATUS, status.name());
        a.put(SECRET, secretId);
        put(a, HOST, host);
        put(a, NOT_AFTER, leafNotAfter.map(Instant::toString));
        put(a, FINGERPRINT, leafFingerprint);
        put(a, SERIAL, leafSerial);
        put(a, PREVIOUS, previousExpires.map(Instant::toString));
        put(a, UPLOADED, uploadedAt.map(Instant::toString));
        put(a, VALIDATED, validatedAt.map(Instant::toString));
        a.put(POLLS, Integer.toString(polls));
        a.put(FAILURES, Integer.toString(consecutiveFailures));
        a.put(ALARMS, String.join(",", alarmsSent));
        put(a, DETAIL, detail);
        put(a, CLAIM, claimExpiresAt.map(Instant::toString));
        return new StateRecord(base.key(), base.version(), a, pollAt, base.expiresAt());
    }

    public StateRecord toStateRecord() {
        return toStateRecord(StateRecord.fresh(key(), Map.of()));
    }

    /**
     * @throws IllegalArgumentException naming the malformed attribute
     */
    public static UploadRecord fromStateRecord(StateRecord record) {
        String sort = record.key().sort();
        if (!sort.startsWith(DomainStateRecords.UPLOAD_PREFIX)) {
            throw new IllegalArgumentException(record.key() + " is not an upload record");
        }
        DomainSid domain = DomainSid.of(record.key().partition().substring("DOMAIN#".length()));
        try {
            return new UploadRecord(domain, sort.substring(DomainStateRecords.UPLOAD_PREFIX.length()),
                    UploadStatus.valueOf(record.attribute(STATUS).orElseThrow(() -> missing(STATUS))),
                    record.attribute(SECRET).orElseThrow(() -> missing(SECRET)),
                    record.attribute(HOST),
                    record.attribute(NOT_AFTER).map(Instant::parse),
                    record.attribute(FINGERPRINT),
                    record.attribute(SERIAL),
                    record.attribute(PREVIOUS).map(Instant::parse),
                    record.attribute(UPLOADED).map(Instant::parse),
                    record.attribute(VALIDATED).map(Instant::parse),
                    record.attribute(POLLS).map(Integer::parseInt).orElse(0),
                    record.attribute(FAILURES).map(Integer::parseInt).orElse(0),
                    record.attribute(ALARMS).filter(s -> !s.isBlank()).map(s -> List.of(s.split(","))).orElse(List.of()),
                    record.attribute(DETAIL),
                    record.attribute(CLAIM).map(Instant::parse),
                    pollAtOf(record));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("upload record " + record.key() + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Whether the validation poll follows this stored upload (a finished one in the index only awaits its alarms). */
    public static boolean followed(StateRecord record) {
        try {
            return pollAtOf(record).isPresent();
        } catch (IllegalArgumentException unknownStatus) {
            return false; // reported by fromStateRecord to whoever reads the upload itself
        }
    }

    /**
     * When the poll follows the upload. A record in a final status can sit in the poll index too, while its outbox
     * holds alarms not yet published (the poll delivers them, see ValidationPoller); for the upload that is not a poll.
     */
    private static Optional<Instant> pollAtOf(StateRecord record) {
        boolean polled = record.attribute(STATUS).map(s -> UploadStatus.valueOf(s).polled()).orElse(false);
        return polled ? record.pollAt() : Optional.empty();
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("attribute " + name + " is missing");
    }

    private static void put(Map<String, String> attributes, String name, Optional<String> value) {
        if (value.isPresent()) {
            attributes.put(name, value.get());
        } else {
            attributes.remove(name);
        }
    }
}
