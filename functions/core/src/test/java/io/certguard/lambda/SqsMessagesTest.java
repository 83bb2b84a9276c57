package io.certguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqsMessagesTest {

    @Test
    void readsTheMessagesOfAnSqsEvent() {
        String event = """
                {"Records":[
                  {"messageId":"m-1","receiptHandle":"h","body":"one","eventSource":"aws:sqs","awsRegion":"eu-west-1"},
                  {"messageId":"m-2","receiptHandle":"h","body":"two","eventSource":"aws:sqs","awsRegion":"eu-west-1"}]}""";

        assertThat(SqsMessages.from(Json.parseObject(event))).contains(List.of(
                new SqsMessages.Message("m-1", "one"), new SqsMessages.Message("m-2", "two")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"Records\":[]}",
            "{\"Records\":\"x\"}",
            "{\"Records\":[{\"eventSource\":\"aws:s3\"}]}",
            "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"id\":\"e-1\"}",
    })
    void otherEventsAreNotSqs(String event) {
        assertThat(SqsMessages.from(Json.parseObject(event))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}",
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"m\",\"body\":7}]}",
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"m\",\"body\":\"x\"},{\"eventSource\":\"aws:sns\"}]}",
    })
    void aBrokenSqsEventIsATypedError(String event) {
        assertThatThrownBy(() -> SqsMessages.from(Json.parseObject(event))).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void namesOnlyTheFailedMessagesForRedelivery() {
        assertThat(Json.write(SqsMessages.batchResponse(List.of("m-2"))))
                .isEqualTo(Json.write(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-2")))));
        assertThat(Json.write(SqsMessages.batchResponse(List.of()))).isEqualTo("{\"batchItemFailures\":[]}");
    }
}
