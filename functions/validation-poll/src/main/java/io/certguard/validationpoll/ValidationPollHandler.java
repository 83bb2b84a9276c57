package io.certguard.validationpoll;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.json.Json;
import io.certguard.lambda.LambdaEvents;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduled validation poll. When nothing is pending it costs one query of the sparse poll index and no Twilio
 * call. So far it reports what is due; following each upload through Twilio's validation is the validation-poll
 * issue's work.
 */
public final class ValidationPollHandler implements RequestStreamHandler {

    /** Upper bound of records taken per run, so one run stays inside the function timeout. */
    static final int BATCH = 100;

    private final StateStore store;
    private final Clock clock;

    public ValidationPollHandler() {
        this(ValidationPollWiring.fromEnvironment(System.getenv()).store(), Clock.systemUTC());
    }

    ValidationPollHandler(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaEvents.read(input); // a scheduled event; its content does not change what a poll does
        List<StateRecord> due = store.dueForPoll(clock.instant(), BATCH);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("due", due.size());
        summary.put("polled", 0);
        System.out.println(Json.write(summary));
        LambdaEvents.write(output, summary);
    }
}
