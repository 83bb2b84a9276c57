package io.certguard.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A domain certguard watches: its Twilio SID and, optionally, the host and port to probe. Without a host the hostname
 * of Twilio's {@code domain_name} is used; the port defaults to 443. A domain of another Twilio account (or a
 * subaccount) names the secret holding that account's credentials.
 */
public record MonitoredDomain(DomainSid sid, Optional<String> host, int port, Optional<String> credentialsSecret) {

    public static final int HTTPS_PORT = 443;

    public MonitoredDomain {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentialsSecret, "credentialsSecret");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
    }

    /** A domain read with the default credentials. */
    public MonitoredDomain(DomainSid sid, Optional<String> host, int port) {
        this(sid, host, port, Optional.empty());
    }

    public static MonitoredDomain of(DomainSid sid) {
        return new MonitoredDomain(sid, Optional.empty(), HTTPS_PORT);
    }
}
