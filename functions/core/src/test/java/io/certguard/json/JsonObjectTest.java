package io.certguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    private final JsonObject json = Json.parseObject("""
            {"s": "text", "b": true, "n": 42, "o": {"k": 1}, "a": [1], "nul": null,
             "date": "2021-02-06T18:02:04Z", "offsetDate": "2021-02-06T20:02:04+02:00", "badDate": "2021-02-06 18:02"}""");

    @Test
    void typedGettersReadTheirTypes() {
        assertThat(json.string("s")).isEqualTo("text");
        assertThat(json.optionalBoolean("b")).hasValue(true);
        assertThat(json.optionalNumber("n")).hasValue(new BigDecimal("42"));
        assertThat(json.object("o").optionalNumber("k")).hasValue(BigDecimal.ONE);
        assertThat(json.optionalArray("a")).hasValue(List.of(BigDecimal.ONE));
        assertThat(json.raw("o")).hasValue(Map.of("k", BigDecimal.ONE));
    }

    @Test
    void absentAndNullAreBothEmptyForOptionalGetters() {
        assertThat(json.optionalString("nul")).isEmpty();
        assertThat(json.optionalString("absent")).isEmpty();
        assertThat(json.raw("nul")).isEmpty();
        assertThat(json.has("nul")).isTrue();
        assertThat(json.has("absent")).isFalse();
    }

    @Test
    void requiredGettersNameTheMissingMember() {
        assertThatThrownBy(() -> json.string("nul")).isInstanceOf(JsonFormatException.class)
                .hasMessage("member \"nul\" (string) is missing or null");
        assertThatThrownBy(() -> json.object("absent")).hasMessage("member \"absent\" (object) is missing or null");
    }

    @Test
    void wrongTypesNameMemberAndTypes() {
        assertThatThrownBy(() -> json.optionalString("n")).isInstanceOf(JsonFormatException.class)
                .hasMessage("member \"n\" should be a string but is a number");
        assertThatThrownBy(() -> json.optionalBoolean("s")).hasMessage("member \"s\" should be a boolean but is a string");
        assertThatThrownBy(() -> json.optionalNumber("b")).hasMessage("member \"b\" should be a number but is a boolean");
        assertThatThrownBy(() -> json.optionalObject("a")).hasMessage("member \"a\" should be a object but is a array");
        assertThatThrownBy(() -> json.optionalArray("o")).hasMessage("member \"o\" should be a array but is a object");
    }

    @Test
    void readsIsoDatesWithOffsetsAsInstants() {
        assertThat(json.optionalInstant("date")).hasValue(Instant.parse("2021-02-06T18:02:04Z"));
        assertThat(json.optionalInstant("offsetDate")).hasValue(Instant.parse("2021-02-06T18:02:04Z"));
        assertThat(json.optionalInstant("nul")).isEmpty();
    }

    @Test
    void unparseableDateIsAnErrorNotASilentNull() {
        assertThatThrownBy(() -> json.optionalInstant("badDate")).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("\"badDate\"").hasMessageContaining("2021-02-06 18:02");
    }

    @Test
    void toStringShowsMemberNamesOnly() {
        JsonObject secret = Json.parseObject("{\"authToken\": \"hunter2\"}");

        assertThat(secret.toString()).isEqualTo("JsonObject[authToken]").doesNotContain("hunter2");
    }

    @Test
    void ofRefusesNonStringKeysAndCopies() {
        assertThatThrownBy(() -> JsonObject.of(Map.of(1, "x"))).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> json.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
