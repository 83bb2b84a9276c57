package io.certguard.simulator;

import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.retry.RetryPolicy;
import io.certguard.twilio.TwilioCredentials;
import java.time.Duration;

/** Builds the production client against a simulator, with short timeouts and a sleeper that only records. */
final class ClientFixture {

    /** Never reached by a healthy answer, even on a loaded build machine: tests that do not test timeouts must not hit one. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** For tests of {@link TwilioFault#SLOW}: far below the simulator's slow delay there (2 s), far above a healthy answer. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    /** Three attempts, 10 ms unit, 100 ms cap, 5 s budget; with the fixed draw of 0.5 the delays are 5 ms then 10 ms. */
    static final RetryPolicy THREE_ATTEMPTS = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100),
            Duration.ofSeconds(5));

    private ClientFixture() {
    }

    static TwilioHttpClient client(TwilioSimulator twilio, TwilioCredentials credentials, RetryPolicy retry,
            RecordingSleeper sleeper) {
        return client(twilio, credentials, retry, sleeper, REQUEST_TIMEOUT);
    }

    static TwilioHttpClient client(TwilioSimulator twilio, TwilioCredentials credentials, RetryPolicy retry,
            RecordingSleeper sleeper, Duration requestTimeout) {
        TwilioClientSettings settings = TwilioClientSettings.defaults(twilio.baseUri())
                .withTimeouts(REQUEST_TIMEOUT, requestTimeout)
                .withRetry(retry);
        return new TwilioHttpClient(settings, credentials, sleeper, () -> 0.5);
    }
}
