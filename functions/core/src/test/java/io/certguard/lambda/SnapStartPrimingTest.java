package io.certguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SnapStartPriming priming(SnapStartPriming.Primer primer) {
        return new SnapStartPriming("scan", primer, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void beforeCheckpoint_runsThePrimerOnce_andSaysNothing() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming priming = priming(runs::incrementAndGet);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(runs).hasValue(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailingPrimer_doesNotFailTheSnapshot_butSaysSoNamingTheFunction() {
        SnapStartPriming priming = priming(() -> {
            throw new IllegalStateException("no trust anchors");
        });

        priming.beforeCheckpoint(null);

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("certguard scan: SnapStart priming failed "
                + "(IllegalStateException: no trust anchors); the snapshot is taken unprimed" + System.lineSeparator());
    }
}
