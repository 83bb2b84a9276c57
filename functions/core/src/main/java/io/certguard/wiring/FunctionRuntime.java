package io.certguard.wiring;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.adapter.aws.SecretsManagerSecretSource;
import io.certguard.adapter.aws.SecretsManagerSecretStager;
import io.certguard.adapter.aws.SnsAlarmPublisher;
import io.certguard.adapter.dns.DnsjavaAddressResolver;
import io.certguard.adapter.dns.DnsjavaCaaLookup;
import io.certguard.adapter.tls.AddressResolver;
import io.certguard.adapter.tls.JsseTlsProbe;
import io.certguard.adapter.tls.ProbeTimeouts;
import io.certguard.adapter.twilio.SecretTwilioAccounts;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.caa.CaaChecker;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.CaaCheckerAdapter;
import io.certguard.scan.DomainRegistry;
import io.certguard.scan.LetsEncryptCaa;
import io.certguard.scan.LiveProbeAdapter;
import io.certguard.scan.ServedCertificates;
import io.certguard.scan.TwilioAccounts;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretStager;
import io.certguard.state.StateStore;
import io.certguard.tls.TrustAnchors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The adapters a function uses, built once per container from {@link CommonSettings}: SDK clients at init (the
 * default provider chains, so {@code AWS_ENDPOINT_URL} points them at an emulator), Twilio credentials on first use.
 */
public final class FunctionRuntime {

    private final CommonSettings settings;
    private final AwsClients aws;
    private final StateStore store;
    private final AlarmPublisher publisher;
    private final SecretSource secrets;
    private final TwilioAccounts twilio;
    private final ServedCertificates served;
    private volatile Recent recentDomains;
    private static final Duration REGISTRY_REUSE = Duration.ofMinutes(1);

    /**
     * @param endpoints the AWS endpoints the function's environment names (none in Lambda: see {@link AwsEndpoints})
     */
    public FunctionRuntime(CommonSettings settings, AwsEndpoints endpoints) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.aws = new AwsClients(endpoints);
        this.store = new DynamoDbStateStore(aws.dynamoDb(), settings.stateTable());
        this.publisher = new SnsAlarmPublisher(aws.sns(), settings.alarmTopicArn());
        this.secrets = new SecretsManagerSecretSource(aws.secretsManager());
        this.twilio = new SecretTwilioAccounts(secrets, settings.twilioCredentialsSecret(),
                TwilioClientSettings.defaults(settings.twilioBaseUri()), Clock.systemUTC());
        AddressResolver resolver = settings.customResolvers() ? new DnsjavaAddressResolver(settings.dns())
                : AddressResolver.system();
        this.served = new LiveProbeAdapter(new JsseTlsProbe(ProbeTimeouts.defaults(), TrustAnchors.jdkDefault(), resolver));
    }

    public CommonSettings settings() {
        return settings;
    }

    /** The SDK clients, for a function that needs one more (the scan's queue). */
    public AwsClients aws() {
        return aws;
    }

    public StateStore store() {
        return store;
    }

    public AlarmPublisher publisher() {
        return publisher;
    }

    public SecretSource secrets() {
        return secrets;
    }

    public TwilioAccounts twilio() {
        return twilio;
    }

    public ServedCertificates served() {
        return served;
    }

    /** Staging labels of secrets (the upload function's rotation steps; IAM allows it only there). */
    public SecretStager secretStager() {
        return new SecretsManagerSecretStager(aws.secretsManager());
    }

    /** Let's Encrypt's CAA decision through the configured resolvers. */
    public LetsEncryptCaa letsEncryptCaa() {
        return new CaaCheckerAdapter(CaaChecker.forLetsEncrypt(new DnsjavaCaaLookup(settings.dns())));
    }

    /** The domains to watch: {@code DOMAINS} and the registry in the state table (read at each run, not at init). */
    public List<MonitoredDomain> domains() {
        List<MonitoredDomain> all = DomainRegistry.union(settings.domains(), new DomainRegistry(store).registered());
        recentDomains = new Recent(all, Instant.now());
        return all;
    }

    /**
     * How to reach one domain: its configured entry, else the default port and credentials. A poll asks this for every
     * upload it follows, so the list read by the last {@link #domains()} is reused for a minute rather than read again.
     */
    public MonitoredDomain domain(DomainSid sid) {
        Recent recent = recentDomains;
        List<MonitoredDomain> all = recent != null && Instant.now().isBefore(recent.readAt().plus(REGISTRY_REUSE))
                ? recent.domains() : domains();
        return all.stream().filter(d -> d.sid().equals(sid)).findFirst().orElse(MonitoredDomain.of(sid));
    }

    private record Recent(List<MonitoredDomain> domains, Instant readAt) {
    }
}
