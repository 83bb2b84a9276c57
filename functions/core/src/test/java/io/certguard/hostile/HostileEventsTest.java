package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.lambda.InvalidEventException;
import io.certguard.lambda.LambdaEvents;
import io.certguard.upload.UploadTrigger;
import io.certguard.upload.UploadTriggers;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code hostile/events/} goes through the upload function's real parsing path,
 * {@link LambdaEvents#read} then {@link UploadTriggers#parse}, and ends in the outcome its {@code .expect} file names:
 * an {@link InvalidEventException} with a specific message, or the trigger a well-formed event yields. Any other
 * exception fails the case.
 */
class HostileEventsTest {

    static Stream<String> cases() {
        return HostileCorpus.names("events");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachEventEndsInItsExpectedOutcome(String name) {
        HostileCorpus.Case c = HostileCorpus.named("events", name);
        byte[] event = HostileCorpus.render(c.inputBytes());

        Object outcome;
        try {
            outcome = UploadTriggers.parse(LambdaEvents.read(new ByteArrayInputStream(event)));
        } catch (InvalidEventException e) {
            outcome = e;
        }

        Outcomes.check(c, outcome);
        if (outcome instanceof UploadTrigger trigger) {
            assertThat(trigger.secretId()).as("a trigger names its secret").isNotBlank();
        }
    }
}
