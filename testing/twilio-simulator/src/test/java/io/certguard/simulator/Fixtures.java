package io.certguard.simulator;

import io.certguard.domain.DomainSid;
import io.certguard.twilio.TwilioCredentials;
import java.time.Instant;

/** Shared test values. The secrets are distinctive so a test can prove they never leak into a message. */
final class Fixtures {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String API_KEY_SID = "SK00000000000000000000000000000002";
    static final String API_KEY_SECRET = "apiKeySecret-DO-NOT-LEAK-7f3a";
    static final String AUTH_TOKEN = "authToken-DO-NOT-LEAK-91c2";

    static final TwilioCredentials API_KEY = TwilioCredentials.apiKey(ACCOUNT_SID, API_KEY_SID, API_KEY_SECRET);
    static final TwilioCredentials ACCOUNT_TOKEN = TwilioCredentials.authToken(ACCOUNT_SID, AUTH_TOKEN);
    static final TwilioCredentials WRONG_SECRET = TwilioCredentials.apiKey(ACCOUNT_SID, API_KEY_SID, "not-the-secret");

    static final DomainSid DOMAIN = DomainSid.of("DN0123456789abcdef0123456789abcdef");
    static final DomainSid OTHER_DOMAIN = DomainSid.of("DNfedcba9876543210fedcba9876543210");
    static final DomainSid UNKNOWN_DOMAIN = DomainSid.of("DN00000000000000000000000000000000");
    static final String HOST = "links.example.com";

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant LIVE_EXPIRY = Instant.parse("2026-12-10T08:30:00Z");
    static final Instant NEW_EXPIRY = Instant.parse("2027-02-25T10:00:00Z");

    private Fixtures() {
    }

    static String certificatePath(DomainSid domain) {
        return "/v1/LinkShortening/Domains/" + domain + "/Certificate";
    }
}
