package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScanPlannerTest {

    private final ScanPlanner planner = new ScanPlanner(Duration.ofSeconds(30), 2.0);

    @ParameterizedTest(name = "{0} pending at {1}/s with {2}s left of {3}s -> {4}")
    @CsvSource({
            // pending, domains/s, remaining s, budget s, expected (LOCAL or batch size)
            "0,      10,   600, 600, LOCAL",
            "2850,   10,   600, 600, LOCAL",      // (600-30) s x 10/s / 2 = 2,850: fits exactly
            "2851,   10,   600, 600, 1000",       // one more: fan out; a fresh invocation fits 2,850, capped at 1,000
            "5000,   1,    600, 600, 285",        // slow domains: batches of 285
            "100,    100,  31,  600, 1000",       // 1 s past the margin fits 50 at half pace
            "50,     100,  31,  600, LOCAL",
            "10,     100,  30,  600, 1000",       // nothing left after the margin: everything goes to the queue
            "10,     0.01, 600, 600, 2",          // 0.01/s: 570 s / 2 fits 2 per invocation
            "10,     0.001, 600, 600, 1",         // slower still: batches never smaller than one domain
    })
    void decidesFromMeasuredPace(int pending, double perSecond, int remaining, int budget, String expected) {
        ScanPlan plan = planner.plan(pending, perSecond, Duration.ofSeconds(remaining), Duration.ofSeconds(budget));

        if (expected.equals("LOCAL")) {
            assertThat(plan).isEqualTo(new ScanPlan.Local());
        } else {
            assertThat(plan).isEqualTo(new ScanPlan.FanOut(Integer.parseInt(expected)));
        }
    }

    @Test
    void noMeasuredPaceFitsNothing() {
        assertThat(planner.capacity(0, Duration.ofSeconds(600))).isZero();
        assertThat(planner.capacity(Double.NaN, Duration.ofSeconds(600))).isZero();
        assertThat(planner.plan(1, 0, Duration.ofSeconds(600), Duration.ofSeconds(600)))
                .isEqualTo(new ScanPlan.FanOut(1));
    }

    @Test
    void refusesAPlannerThatWouldPromiseTooMuch() {
        assertThatThrownBy(() -> new ScanPlanner(Duration.ofSeconds(30), 0.5)).hasMessageContaining("safety");
        assertThatThrownBy(() -> new ScanPlanner(Duration.ofSeconds(-1), 2)).hasMessageContaining("margin");
    }
}
