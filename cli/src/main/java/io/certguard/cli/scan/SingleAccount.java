package io.certguard.cli.scan;

import io.certguard.scan.TwilioAccounts;
import io.certguard.twilio.TwilioDomains;
import java.util.Objects;
import java.util.Optional;

/** The one Twilio account of the command line (credentials from the environment) for every domain. */
public record SingleAccount(TwilioDomains api) implements TwilioAccounts {

    public SingleAccount {
        Objects.requireNonNull(api, "api");
    }

    @Override
    public TwilioDomains forDomain(Optional<String> credentialsSecret) {
        if (credentialsSecret.filter(s -> !s.isBlank()).isPresent()) {
            // Another account's secret lives in Secrets Manager; the command line reads only TWILIO_* variables.
            throw new IllegalStateException("this domain uses the credentials in secret " + credentialsSecret.get()
                    + ", and the command line uses only the TWILIO_* environment variables");
        }
        return api;
    }
}
