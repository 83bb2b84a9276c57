package io.certguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateRecordTest {

    @Test
    void attributesAreCopied_soLaterChangesToTheSourceMapDoNotLeakIn() {
        Map<String, String> source = new HashMap<>(Map.of("a", "1"));
        StateRecord record = StateRecord.fresh(new RecordKey("p", "s"), source);
        source.put("a", "2");

        assertThat(record.attribute("a")).contains("1");
        assertThat(record.version()).isZero();
    }

    @Test
    void storeOwnedAttributeNamesAreRefused() {
        for (String reserved : StateAttributes.RESERVED) {
            assertThatThrownBy(() -> StateRecord.fresh(new RecordKey("p", "s"), Map.of(reserved, "x")))
                    .as(reserved)
                    .hasMessageContaining("reserved");
        }
    }

    @Test
    void keysMustNotBeBlank() {
        assertThatThrownBy(() -> new RecordKey(" ", "s")).hasMessageContaining("partition key is blank");
        assertThatThrownBy(() -> new RecordKey("p", "")).hasMessageContaining("sort key is blank");
    }
}
