package io.certguard.cli.scan;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.dns.DnsjavaAddressResolver;
import io.certguard.adapter.dns.DnsjavaCaaLookup;
import io.certguard.adapter.tls.AddressResolver;
import io.certguard.adapter.tls.JsseTlsProbe;
import io.certguard.adapter.tls.ProbeTimeouts;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.caa.CaaChecker;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.scan.CaaCheckerAdapter;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.LiveProbeAdapter;
import io.certguard.scan.ScanAlarmRenderer;
import io.certguard.scan.ScanPolicy;
import io.certguard.scan.ServedCertificates;
import io.certguard.scan.TwilioAccounts;
import io.certguard.state.StateStore;
import io.certguard.tls.TrustAnchors;
import java.util.Objects;
import java.util.Optional;

/**
 * The scan use case assembled for the command line (the functions' counterpart is {@code ScanWiring}): one Twilio
 * account, the live TLS probe and the CAA check through the given DNS, and the given state and alarm channel.
 *
 * @param dns                     resolvers for CAA look-ups
 * @param addressesThroughDns     resolve the probed hosts' addresses through {@code dns} too (given resolvers), rather
 *                                than through the operating system
 * @param anchors                 the roots a served chain must lead to, to count as verified
 * @param certificateSecretPrefix where the alarms tell people to store replacement bundles
 */
public record ScanAssembly(TwilioAccounts twilio, DnsSettings dns, boolean addressesThroughDns, TrustAnchors anchors,
        StateStore store, AlarmPublisher publisher, AlarmThresholds thresholds, String certificateSecretPrefix,
        int concurrency) {

    public static final String DEFAULT_SECRET_PREFIX = "certguard/";

    public ScanAssembly {
        Objects.requireNonNull(twilio, "twilio");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(certificateSecretPrefix, "certificateSecretPrefix");
    }

    public DomainScanner scanner() {
        return new DomainScanner(twilio, served(addressesThroughDns ? Optional.of(dns) : Optional.empty(), anchors),
                new CaaCheckerAdapter(CaaChecker.forLetsEncrypt(new DnsjavaCaaLookup(dns))),
                store, publisher, new ScanAlarmRenderer(certificateSecretPrefix),
                new ScanPolicy(new ExpiryPolicy(thresholds)), concurrency);
    }

    /**
     * The live TLS probe, as the scan and the validation poll use it: host addresses through {@code dns} when given,
     * else through the operating system; a served chain counts as verified when it leads to {@code anchors}.
     */
    public static ServedCertificates served(Optional<DnsSettings> dns, TrustAnchors anchors) {
        AddressResolver addresses = dns.<AddressResolver>map(DnsjavaAddressResolver::new).orElseGet(AddressResolver::system);
        return new LiveProbeAdapter(new JsseTlsProbe(ProbeTimeouts.defaults(), anchors, addresses));
    }
}
