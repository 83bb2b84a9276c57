package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.domain.DomainSid;
import io.certguard.lambda.InvalidEventException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScanBatchTest {

    private static final List<DomainSid> SIDS = IntStream.range(0, 25).mapToObj(i -> ScanFakes.domain(i).sid()).toList();

    @Test
    void splitKeepsEveryDomainOnceInOrder() {
        List<ScanBatch> batches = ScanBatch.split("run-1", SIDS, 10);

        assertThat(batches).extracting(ScanBatch::batchId).containsExactly("1", "2", "3");
        assertThat(batches).extracting(b -> b.domains().size()).containsExactly(10, 10, 5);
        assertThat(batches.stream().flatMap(b -> b.domains().stream()).toList()).isEqualTo(SIDS);
    }

    @Test
    void roundTripsThroughItsMessageBody() {
        ScanBatch batch = new ScanBatch("0f6a1b2c-run", "7", SIDS);

        assertThat(ScanBatch.parse(batch.toJson())).isEqualTo(batch);
    }

    @Test
    void aContinuationIsNamedAfterWhatItCarries() {
        ScanBatch batch = new ScanBatch("run", "3", SIDS);

        ScanBatch rest = batch.continuation(SIDS.subList(20, 25));
        ScanBatch otherRest = batch.continuation(SIDS.subList(21, 25));

        assertThat(rest.runId()).isEqualTo("run");
        assertThat(rest.batchId()).startsWith("3.").isNotEqualTo(otherRest.batchId());
        assertThat(batch.continuation(SIDS.subList(20, 25))).isEqualTo(rest);
        assertThat(rest.continuation(SIDS.subList(24, 25)).batchId()).startsWith(rest.batchId() + ".");
    }

    @Test
    void continuationNamesStayWithinTheLimitHoweverDeep() {
        ScanBatch batch = new ScanBatch("run", "1", SIDS);
        for (int depth = 0; depth < 30; depth++) {
            batch = batch.continuation(SIDS.subList(depth % 20, 25));
        }

        assertThat(batch.batchId()).hasSizeLessThanOrEqualTo(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "[]", "not json", "{}",
            "{\"runId\":\"r\",\"batchId\":\"1\"}",
            "{\"runId\":\"r\",\"batchId\":\"1\",\"domains\":[]}",
            "{\"runId\":\"r\",\"batchId\":\"1\",\"domains\":\"DN00000000000000000000000000000001\"}",
            "{\"runId\":\"r\",\"batchId\":\"1\",\"domains\":[\"DNnot-a-sid\"]}",
            "{\"runId\":\"r\",\"batchId\":\"1\",\"domains\":[42]}",
            "{\"runId\":\"r r\",\"batchId\":\"1\",\"domains\":[\"DN00000000000000000000000000000001\"]}",
            "{\"runId\":7,\"batchId\":\"1\",\"domains\":[\"DN00000000000000000000000000000001\"]}",
            "{\"batchId\":\"1\",\"domains\":[\"DN00000000000000000000000000000001\"]}",
    })
    void refusesWhatIsNotABatchWithATypedError(String body) {
        assertThatThrownBy(() -> ScanBatch.parse(body)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not a scan batch").satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-sid"));
    }

    @Test
    void refusesBatchesBeyondWhatOneMessageCarries() {
        List<DomainSid> many = IntStream.range(0, ScanBatch.MAX_DOMAINS + 1).mapToObj(i -> ScanFakes.domain(i).sid()).toList();

        assertThatThrownBy(() -> new ScanBatch("r", "1", many)).hasMessageContaining("1 to 1000 domains");
        assertThatThrownBy(() -> ScanBatch.split("r", many, 0)).hasMessageContaining("batch size");
    }
}
