package io.certguard.scan;

import io.certguard.twilio.TwilioDomains;
import java.util.Optional;

/**
 * The Twilio API for a domain: the default credentials, or those of the secret a registered domain names
 * (subaccounts and other accounts).
 */
public interface TwilioAccounts {

    TwilioDomains forDomain(Optional<String> credentialsSecret);
}
