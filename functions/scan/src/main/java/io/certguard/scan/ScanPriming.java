package io.certguard.scan;

import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.adapter.aws.OfflineAwsClients;
import io.certguard.adapter.aws.SnsAlarmPublisher;
import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.caa.CaaChecker;
import io.certguard.caa.NameLookup;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.json.Json;
import io.certguard.lambda.CommonPriming;
import io.certguard.lambda.LambdaEvents;
import io.certguard.lambda.OfflineTwilio;
import io.certguard.lambda.SnapStartPriming;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.tls.ChainVerifier;
import io.certguard.tls.LiveCertificate;
import io.certguard.tls.ProbeOutcome;
import io.certguard.tls.TrustAnchors;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scan's SnapStart priming: {@link CommonPriming}, then one whole scan of a made-up domain through the production
 * use case (policy, alarm rendering, de-duplication, state records, the SNS message, the log lines), with Twilio,
 * the TLS endpoint, DNS and the state answered in memory, then its records written and read through the DynamoDB
 * adapter and the alarm published through the SNS adapter, on SDK clients answering offline. The domain's certificate
 * expires in 10 days, so the alarm path runs too.
 */
final class ScanPriming {

    static final DomainSid SID = new DomainSid("DN" + "0".repeat(32));

    private ScanPriming() {
    }

    /** Registered from {@link ScanLambda}. */
    static SnapStartPriming register() {
        return SnapStartPriming.register("scan", ScanPriming::prime);
    }

    static void prime() throws GeneralSecurityException, IOException {
        CommonPriming.prime();
        try (OfflineAwsClients aws = new OfflineAwsClients()) {
            scanOnce(aws);
        }
    }

    /** The scan of the made-up domain, on {@code aws}; returns its summary (for tests). */
    static ScanSummary scanOnce(OfflineAwsClients aws) throws GeneralSecurityException {
        X509Certificate served = CommonPriming.jdkRoot();
        Instant now = CommonPriming.validInstant(served);
        ChainVerifier verifier = new ChainVerifier(TrustAnchors.of(List.of(served)));
        // The use case runs on state in memory: an offline DynamoDB cannot remember what the alarm outbox writes and
        // reads back. The records it leaves are then written and read through the DynamoDB adapter, offline.
        InMemoryStateStore store = new InMemoryStateStore();
        DomainScanner scanner = new DomainScanner(
                credentialsSecret -> new OfflineTwilio(now.plus(Duration.ofDays(10))),
                new LiveProbeAdapter((target, at) -> new ProbeOutcome.Reached(LiveCertificate.of(List.of(served),
                        "TLSv1.3", "TLS_AES_128_GCM_SHA256", verifier.verify(List.of(served), target.host(), at)))),
                new CaaCheckerAdapter(CaaChecker.forLetsEncrypt(name -> new NameLookup.Empty(name, false))),
                store, new SnsAlarmPublisher(aws.sns(), CommonPriming.TOPIC_ARN), new ScanAlarmRenderer("certguard/"),
                new ScanPolicy(new ExpiryPolicy(AlarmThresholds.DEFAULT)), 1);
        ScanBacklog backlog = new ScanBacklog(store);
        List<MonitoredDomain> domains = backlog.prioritize(
                List.of(new MonitoredDomain(SID, Optional.of(CommonPriming.HOST), MonitoredDomain.HTTPS_PORT)));
        ScanSummary summary = scanner.scan(domains, now, Deadline.NONE);
        backlog.record(summary);
        for (DomainResult result : summary.domains()) {
            Json.write(ScanLog.domainLine(result, now));
        }
        ScanBatch.parse(new ScanBatch("priming", "1", List.of(SID)).toJson()); // a queued batch's message body
        LambdaEvents.write(OutputStream.nullOutputStream(), summary.toJson());
        StateStore dynamoDb = new DynamoDbStateStore(aws.dynamoDb(), CommonPriming.TABLE);
        dynamoDb.loadPartition(DomainStateRecords.partition(SID));
        for (StateRecord record : store.loadPartition(DomainStateRecords.partition(SID))) {
            dynamoDb.save(record);
        }
        dynamoDb.load(DomainStateRecords.key(SID));
        return summary;
    }
}
