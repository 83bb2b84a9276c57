package io.certguard.lambda;

import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.adapter.aws.OfflineAwsClients;
import io.certguard.adapter.aws.SecretsManagerSecretSource;
import io.certguard.adapter.aws.SnsAlarmPublisher;
import io.certguard.alarm.AlarmMessage;
import io.certguard.secret.VersionSelector;
import io.certguard.state.RecordKey;
import io.certguard.state.StateStore;
import io.certguard.tls.ChainVerification;
import io.certguard.tls.ChainVerifier;
import io.certguard.tls.LiveCertificate;
import io.certguard.tls.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The priming every function shares, all offline: the JSON codec on a sample event, the SDK's request pipeline for
 * DynamoDB, Secrets Manager and SNS through certguard's own adapters ({@link OfflineAwsClients}), the JDK's TLS client
 * up to its first handshake message (generated, never sent), X.509 chain verification and the Twilio HTTP client's
 * classes. Instants are taken from a certificate, never from the clock.
 */
public final class CommonPriming {

    /** Where priming pretends to be; {@code .invalid} can never resolve (RFC 6761 §6.4). */
    public static final String HOST = "priming.invalid";
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:certguard-priming";
    public static final String TABLE = "certguard-priming";
    private static final String EVENT = "{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-000000000000\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"000000000000\","
            + "\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}";

    private CommonPriming() {
    }

    public static void prime() throws GeneralSecurityException, IOException {
        json();
        try (OfflineAwsClients aws = new OfflineAwsClients()) {
            aws(aws);
        }
        tls();
        twilioHttp();
    }

    static void json() {
        LambdaEvents.write(OutputStream.nullOutputStream(),
                Map.of("event", LambdaEvents.read(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)))));
    }

    static void aws(OfflineAwsClients aws) {
        StateStore store = new DynamoDbStateStore(aws.dynamoDb(), TABLE);
        store.load(new RecordKey("PRIMING", "PRIMING"));
        store.loadPartition("PRIMING");
        new SecretsManagerSecretSource(aws.secretsManager()).read("certguard-priming", VersionSelector.CURRENT);
        new SnsAlarmPublisher(aws.sns(), TOPIC_ARN).publish(new AlarmMessage("certguard priming", "priming",
                "priming", "priming", Map.of("alarm_type", "PRIMING")));
    }

    /** Verification of a served chain as the TLS probe does it, and a TLS client's first flight, without a socket. */
    static void tls() throws GeneralSecurityException, IOException {
        X509Certificate root = jdkRoot();
        Instant at = validInstant(root);
        ChainVerification verification = new ChainVerifier(TrustAnchors.of(List.of(root))).verify(List.of(root), HOST, at);
        LiveCertificate.of(List.of(root), "TLSv1.3", "TLS_AES_128_GCM_SHA256", verification);
        SSLEngine engine = SSLContext.getDefault().createSSLEngine(HOST, 443);
        engine.setUseClientMode(true);
        ByteBuffer clientHello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), clientHello); // key shares generated; the bytes are dropped
        engine.closeOutbound();
    }

    /** The class set of the Twilio client's java.net.http client; closed at once, so no selector thread survives. */
    static void twilioHttp() {
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build().close();
    }

    /** A root the JDK trusts, to verify and describe as if a host had served it. */
    public static X509Certificate jdkRoot() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509 && x509.getAcceptedIssuers().length > 0) {
                return x509.getAcceptedIssuers()[0];
            }
        }
        throw new GeneralSecurityException("the JDK trusts no X.509 root to prime with");
    }

    /** An instant inside {@code certificate}'s validity (a day after it starts), independent of the clock. */
    public static Instant validInstant(X509Certificate certificate) {
        return certificate.getNotBefore().toInstant().plus(Duration.ofDays(1));
    }
}
