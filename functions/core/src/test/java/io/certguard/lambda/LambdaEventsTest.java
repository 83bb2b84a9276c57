package io.certguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaEventsTest {

    @Test
    void readsAJsonObject() {
        assertThat(LambdaEvents.read(stream(" {\"detail\":{}} ")).has("detail")).isTrue();
    }

    @Test
    void refusesEmptyNonObjectMalformedAndOversizeEvents() {
        assertThatThrownBy(() -> LambdaEvents.read(stream(""))).isInstanceOf(InvalidEventException.class)
                .hasMessage("event is empty");
        assertThatThrownBy(() -> LambdaEvents.read(stream("[1]"))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected a JSON object but found array");
        assertThatThrownBy(() -> LambdaEvents.read(stream("{\"a\":"))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unexpected end of document");
        String oversize = "{\"pad\":\"" + "x".repeat(LambdaEvents.MAX_EVENT_BYTES) + "\"}";
        assertThatThrownBy(() -> LambdaEvents.read(stream(oversize))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void writesJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEvents.write(out, Map.of("checked", 3));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"checked\":3}");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
