package io.certguard.upload;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.DomainStateRecords;
import io.certguard.scan.TwilioAccounts;
import io.certguard.secret.SecretAccessException;
import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretSource;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioException;
import io.certguard.twilio.TwilioNotFoundException;
import io.certguard.twilio.TwilioRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The upload use case: one certificate-bundle version of a secret to its Twilio domain, once.
 *
 * <ol>
 * <li>Resolve the secret and the version (DescribeSecret: AWSCURRENT when no version is named); only secrets under
 * the prefix, and an AWSPENDING-only version only for the rotation.</li>
 * <li>Read the version by id; the domain comes from the tag {@code certguard:domain-sid} or the JSON's
 * {@code domainSid}. Neither: {@link UploadOutcome.Unresolved}, no upload.</li>
 * <li>Claim it: a conditional put of the upload record IN_PROGRESS with a lease. A duplicate delivery or a retry
 * finds the record and does nothing; a claim whose lease ran out (or that was released) is taken over.</li>
 * <li>Read Twilio's certificate and the domain's other uploads; decide with {@link UploadPolicy}: already there,
 * rejected (UPLOAD_REJECTED alarm, claimed in the same conditional write that records the decision), or post.</li>
 * <li>POST {@code TlsCert}; record VALIDATING with the leaf's identity so the validation poll and the scan follow it.
 * Twilio's 4xx → REJECTED_BY_API with its code and message, alarmed; 429/5xx (after the client's retries) and other
 * transient failures → the claim is released and {@link TransientUploadException} is thrown so the event is retried.</li>
 * </ol>
 */
public final class CertificateUploader {

    private final StateStore store;
    private final SecretSource secrets;
    private final TwilioAccounts twilio;
    private final AlarmOutbox outbox;
    private final UploadAlarmRenderer renderer;
    private final UploadPolicy policy;
    private final Function<DomainSid, MonitoredDomain> domains;

    /**
     * @param domains how to reach a domain (host, port, credentials secret), from DOMAINS and the registry
     */
    public CertificateUploader(StateStore store, SecretSource secrets, TwilioAccounts twilio, AlarmPublisher publisher,
            UploadAlarmRenderer renderer, UploadPolicy policy, Function<DomainSid, MonitoredDomain> domains) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
        this.outbox = new AlarmOutbox(store, publisher);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.domains = Objects.requireNonNull(domains, "domains");
    }

    /**
     * An uploader for bundles handed over directly ({@link #uploadBundle}) only, with no secrets to read: the command
     * line's {@code upload FILE} and the demo. {@link #upload} on it fails with {@link IllegalStateException}.
     */
    public static CertificateUploader forBundles(StateStore store, TwilioAccounts twilio, AlarmPublisher publisher,
            UploadAlarmRenderer renderer, UploadPolicy policy, Function<DomainSid, MonitoredDomain> domains) {
        return new CertificateUploader(store, NoSecrets.INSTANCE, twilio, publisher, renderer, policy, domains);
    }

    /** The secret source of an uploader that reads no secrets. */
    private enum NoSecrets implements SecretSource {
        INSTANCE;

        @Override
        public io.certguard.secret.SecretVersion read(String secretId, io.certguard.secret.VersionSelector selector) {
            throw new IllegalStateException("this uploader takes bundles directly and reads no secret (" + secretId + ")");
        }

        @Override
        public SecretDescription describe(String secretId) {
            throw new IllegalStateException("this uploader takes bundles directly and reads no secret (" + secretId + ")");
        }
    }

    /**
     * @throws TransientUploadException when the upload could not be finished now (the claim was released)
     * @throws SecretAccessException    when the secret could not be read (nothing was claimed)
     * @throws io.certguard.state.StateStoreException when the state table could not be read or written
     */
    public UploadOutcome upload(UploadRequest request, Instant now) {
        UploadOutcome outcome = resolveAndUpload(request, now);
        return outcome instanceof UploadOutcome.Unresolved unresolved ? alarmed(unresolved, now) : outcome;
    }

    private UploadOutcome resolveAndUpload(UploadRequest request, Instant now) {
        SecretDescription description;
        try {
            description = secrets.describe(request.secretId());
        } catch (SecretNotFoundException e) {
            return new UploadOutcome.Unresolved(request.secretId(), request.versionId(), e.getMessage());
        }
        if (!policy.settings().covers(description.name())) {
            return new UploadOutcome.Ignored(description.arn(), request.versionId(), "secret " + description.name()
                    + " is outside the certificate prefix " + policy.settings().certificateSecretPrefix());
        }
        Optional<String> versionId = request.versionId().or(() -> description.versionWithStage(SecretDescription.CURRENT));
        if (versionId.isEmpty()) {
            return new UploadOutcome.Unresolved(description.arn(), Optional.empty(), "secret " + description.name()
                    + " has no AWSCURRENT version");
        }
        List<String> stages = description.stagesOf(versionId.get());
        if (!request.forRotation() && stages.contains(SecretDescription.PENDING)
                && !stages.contains(SecretDescription.CURRENT)) {
            return new UploadOutcome.Ignored(description.arn(), versionId, "version " + versionId.get()
                    + " is AWSPENDING: the rotation's setSecret uploads it");
        }
        BundleSecret bundle;
        try {
            bundle = BundleSecret.read(secrets, description, versionId.get());
        } catch (SecretNotFoundException e) {
            return new UploadOutcome.Unresolved(description.arn(), versionId, e.getMessage());
        }
        return switch (bundle.domain()) {
            case DomainResolution.Unknown unknown -> new UploadOutcome.Unresolved(description.arn(), versionId,
                    "version " + versionId.get() + " of secret " + description.name() + " was not uploaded: "
                            + unknown.reason());
            case DomainResolution.Found found -> claimed(fromSecret(bundle, found.domain()), "secret "
                    + bundle.description().name(), Optional.empty(), now);
            case DomainResolution.Refused refused -> claimed(fromSecret(bundle, refused.domain()), "secret "
                    + bundle.description().name(), Optional.of(refused.reason()), now);
        };
    }

    private static BundleUpload fromSecret(BundleSecret bundle, DomainSid domain) {
        return new BundleUpload(domain, bundle.description().arn(), bundle.versionId(), bundle.input(), false);
    }

    /**
     * Uploads a bundle handed over directly rather than read from a secret (the command line's local file), through
     * the same claim, decision, POST and record as {@link #upload}: the record is keyed on {@code bundle.versionId()},
     * so the validation poll and the scan follow it like any other. A JSON bundle whose {@code domainSid} names another
     * domain is refused (REJECTED, alarmed), as a secret whose tag and bundle disagree is.
     *
     * @throws TransientUploadException when the upload could not be finished now (the claim was released)
     * @throws io.certguard.state.StateStoreException when the state could not be read or written
     */
    public UploadOutcome uploadBundle(BundleUpload bundle, Instant now) {
        Optional<String> refusal = bundle.input().domainSid().filter(named -> !named.equals(bundle.domain()))
                .map(named -> "the bundle's domainSid names " + named + " but it was to be uploaded to "
                        + bundle.domain() + "; make them agree (or drop domainSid)");
        return claimed(bundle, bundle.source(), refusal, now);
    }

    /**
     * Alarms an unresolved version once: the claim is a record keyed on the secret and version (no domain is known),
     * created conditionally with the alarm in its outbox, so duplicate deliveries do not repeat it and a failed
     * publish is retried by the next delivery.
     */
    private UploadOutcome.Unresolved alarmed(UploadOutcome.Unresolved unresolved, Instant now) {
        RecordKey key = new RecordKey("SECRET#" + unresolved.secretId(),
                "UNRESOLVED#" + unresolved.versionId().orElse("AWSCURRENT"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Optional<StateRecord> record = store.load(key);
            List<AlarmMessage> fresh = record.isPresent() ? List.of()
                    : List.of(renderer.renderUnresolved(unresolved.secretId(), unresolved.versionId(), unresolved.reason()));
            AlarmOutbox.Claim claim = AlarmOutbox.claim(record.map(AlarmOutbox::read).orElse(List.of()), fresh, now);
            if (claim.claimed().isEmpty()) {
                return unresolved;
            }
            try {
                store.save(AlarmOutbox.write(record.orElse(StateRecord.fresh(key, Map.of())), claim.outbox()));
            } catch (StaleRecordException raced) {
                continue; // a duplicate delivery claimed it first
            }
            return unresolved.withAlarmsPending(outbox.deliver(key, claim.claimed()).kept());
        }
        return unresolved;
    }

    /** The upload record of a version, when there is one. */
    public Optional<UploadRecord> find(DomainSid domain, String versionId) {
        return store.load(UploadRecord.key(domain, versionId)).map(UploadRecord::fromStateRecord);
    }

    private UploadOutcome claimed(BundleUpload bundle, String sourceName, Optional<String> refusal, Instant now) {
        DomainSid domain = bundle.domain();
        Claim claim = claim(domain, bundle.versionId(), bundle.source(), now);
        return switch (claim) {
            case Claim.Lost lost -> new UploadOutcome.Duplicate(lost.upload(), redeliver(lost.record(), now));
            case Claim.Won won -> {
                try {
                    yield run(won, bundle, refusal, now);
                } catch (TwilioException | SecretAccessException e) {
                    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                    release(won, now, why, e);
                    throw new TransientUploadException("version " + bundle.versionId() + " of " + sourceName + " was not uploaded to domain " + domain + " now (" + why
                            + "); the claim was released and a retry takes it over", e);
                } catch (RuntimeException e) {
                    release(won, now, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                    throw e;
                }
            }
        };
    }

    private UploadOutcome run(Claim.Won won, BundleUpload bundle, Optional<String> refusal, Instant now) {
        UploadRecord claim = won.upload();
        MonitoredDomain domain = domains.apply(claim.domain());
        TwilioDomains api = twilio.forDomain(domain.credentialsSecret());
        DomainCertificate current;
        try {
            current = api.fetchCertificate(claim.domain());
        } catch (TwilioRejectedException | TwilioNotFoundException e) {
            return settle(won, policy.refusedByTwilio(claim, domain.host(), Optional.empty(), Optional.empty(),
                    e.getMessage(), now), now);
        }
        List<UploadRecord> others = store.loadPartition(DomainStateRecords.partition(claim.domain())).stream()
                .filter(r -> r.key().sort().startsWith(DomainStateRecords.UPLOAD_PREFIX) && !r.key().equals(won.key()))
                .map(UploadRecord::fromStateRecord).toList();
        Optional<String> host = domain.host().or(current::hostname);
        UploadDecision decision = policy.decide(claim, new UploadFacts(bundle.input(), refusal, host, current, others,
                bundle.allowNotNewer()), now);
        return switch (decision) {
            case UploadDecision.Settle settle -> settle(won, settle, now);
            case UploadDecision.Post post -> {
                try {
                    api.uploadCertificate(claim.domain(), post.report().payload());
                } catch (TwilioRejectedException | TwilioNotFoundException e) {
                    yield settle(won, policy.refusedByTwilio(claim, Optional.of(post.host()),
                            Optional.of(post.report().leaf()), Optional.of(current), e.getMessage(), now), now);
                }
                UploadRecord uploaded = policy.uploaded(claim, post, current, now);
                save(won, uploaded.toStateRecord(won.stored()));
                yield new UploadOutcome.Uploaded(uploaded, post.report().findings(), true);
            }
        };
    }

    /** Records a decision that posts nothing, with its alarm claimed in the same write, then publishes the alarm. */
    private UploadOutcome settle(Claim.Won won, UploadDecision.Settle settle, Instant now) {
        UploadRecord upload = settle.upload();
        List<AlarmMessage> fresh = settle.alarm()
                .map(a -> List.of(renderer.render(a.type(), a.severity(), upload, a.detail()))).orElse(List.of());
        AlarmOutbox.Claim alarms = AlarmOutbox.claim(AlarmOutbox.read(won.stored()), fresh, now);
        save(won, AlarmOutbox.write(upload.toStateRecord(won.stored()), alarms.outbox()));
        AlarmOutbox.Delivery delivery = outbox.deliver(won.key(), alarms.claimed());
        return switch (upload.status()) {
            case ALREADY_PRESENT -> new UploadOutcome.AlreadyPresent(upload, settle.findings());
            case VALIDATING -> new UploadOutcome.Uploaded(upload, settle.findings(), false);
            default -> new UploadOutcome.Rejected(upload, settle.findings(), delivery);
        };
    }

    /** A later delivery of a decided version publishes what an earlier run left in the outbox (a failed publish). */
    private AlarmOutbox.Delivery redeliver(StateRecord record, Instant now) {
        AlarmOutbox.Claim alarms = AlarmOutbox.claim(AlarmOutbox.read(record), List.of(), now);
        if (alarms.claimed().isEmpty()) {
            return new AlarmOutbox.Delivery(0, 0, List.of());
        }
        try {
            store.save(AlarmOutbox.write(record, alarms.outbox()));
        } catch (StaleRecordException raced) {
            return new AlarmOutbox.Delivery(0, 0, List.of()); // another run claimed them
        }
        return outbox.deliver(record.key(), alarms.claimed());
    }

    private void save(Claim.Won won, StateRecord next) {
        try {
            store.save(next);
        } catch (StaleRecordException e) {
            throw new IllegalStateException("the claim on " + won.key() + " was taken over while this run held it (its"
                    + " lease of " + policy.settings().claimLease() + " ran out); this run's result is not recorded", e);
        }
    }

    private void release(Claim.Won won, Instant now, String why, RuntimeException failure) {
        try {
            store.save(won.upload().released(now, "released after a failure: " + why).toStateRecord(won.stored()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the lease still runs out on its own
        }
    }

    private Claim claim(DomainSid domain, String versionId, String secretId, Instant now) {
        RecordKey key = UploadRecord.key(domain, versionId);
        Optional<StateRecord> existing = store.load(key);
        if (existing.isPresent()) {
            UploadRecord stored = UploadRecord.fromStateRecord(existing.get());
            if (!stored.claimLapsed(now)) {
                return new Claim.Lost(existing.get(), stored);
            }
        }
        UploadRecord claim = UploadRecord.claim(domain, versionId, secretId, now.plus(policy.settings().claimLease()));
        try {
            StateRecord saved = store.save(claim.toStateRecord(existing.orElse(StateRecord.fresh(key, Map.of()))));
            return new Claim.Won(saved, claim);
        } catch (StaleRecordException raced) {
            StateRecord winner = store.load(key).orElseThrow(() -> new IllegalStateException(key + " vanished"));
            return new Claim.Lost(winner, UploadRecord.fromStateRecord(winner));
        }
    }

    /** Whether this run owns the version. */
    private sealed interface Claim {
        /** This run claimed it: {@code stored} is the record as saved (its version guards the decision's write). */
        record Won(StateRecord stored, UploadRecord upload) implements Claim {
            RecordKey key() {
                return stored.key();
            }
        }

        /** Another run holds it or finished it. */
        record Lost(StateRecord record, UploadRecord upload) implements Claim {
        }
    }
}
