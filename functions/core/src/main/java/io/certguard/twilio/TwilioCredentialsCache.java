package io.certguard.twilio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Holds credentials read from a secret for a while, so a scan of many domains reads the secret once, and a rotated
 * secret is picked up within {@code ttl}. Loaded on first use, not at init: a SnapStart snapshot must not carry them.
 */
public final class TwilioCredentialsCache implements Supplier<TwilioCredentials> {

    private final Supplier<TwilioCredentials> loader;
    private final Clock clock;
    private final Duration ttl;
    private TwilioCredentials cached;
    private Instant loadedAt;

    public TwilioCredentialsCache(Supplier<TwilioCredentials> loader, Clock clock, Duration ttl) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public synchronized TwilioCredentials get() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(loadedAt.plus(ttl))) {
            cached = loader.get();
            loadedAt = now;
        }
        return cached;
    }
}
