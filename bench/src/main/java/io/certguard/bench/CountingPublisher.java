package io.certguard.bench;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublisher;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what would be SNS Publish requests (one per alarm, as {@code SnsAlarmPublisher} makes) and drops them. */
final class CountingPublisher implements AlarmPublisher {

    private final AtomicLong published = new AtomicLong();

    @Override
    public String publish(AlarmMessage alarm) {
        return "bench-" + published.incrementAndGet();
    }

    long published() {
        return published.get();
    }
}
