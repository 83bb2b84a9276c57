package io.certguard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.json.Json;
import org.junit.jupiter.api.Test;

class TwilioErrorTest {

    @Test
    void readsTwiliosErrorBody() {
        TwilioError error = TwilioError.from(Json.parseObject("""
                {"code": 20404, "message": "The requested resource /x was not found",
                 "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404, "details": {"a": 1}}""")).orElseThrow();

        assertThat(error.code()).hasValue(20404);
        assertThat(error.status()).hasValue(404);
        assertThat(error.describe()).isEqualTo(
                "Twilio error 20404: The requested resource /x was not found (https://www.twilio.com/docs/errors/20404)");
    }

    @Test
    void acceptsCodesSentAsStrings() {
        TwilioError error = TwilioError.from(Json.parseObject("{\"code\": \" 30131 \", \"status\": \"400\"}")).orElseThrow();

        assertThat(error.code()).hasValue(30131);
        assertThat(error.status()).hasValue(400);
    }

    @Test
    void ignoresCodesThatAreNotIntegersInsteadOfTruncatingThem() {
        TwilioError error = TwilioError.from(Json.parseObject(
                "{\"code\": 20404.5, \"status\": 1e99, \"message\": \"odd\"}")).orElseThrow();

        assertThat(error.code()).isEmpty();
        assertThat(error.status()).isEmpty();
    }

    @Test
    void ignoresWronglyTypedFieldsRatherThanLosingTheError() {
        TwilioError error = TwilioError.from(Json.parseObject("{\"code\": true, \"message\": \"Bad\", \"more_info\": 5}"))
                .orElseThrow();

        assertThat(error.code()).isEmpty();
        assertThat(error.moreInfo()).isEmpty();
        assertThat(error.describe()).isEqualTo("Twilio error (no code): Bad");
    }

    @Test
    void aBodyWithoutCodeOrMessageIsNoTwilioError() {
        assertThat(TwilioError.from(Json.parseObject("{\"status\": 500}"))).isEmpty();
    }
}
