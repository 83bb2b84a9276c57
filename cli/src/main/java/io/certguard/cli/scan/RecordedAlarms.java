package io.certguard.cli.scan;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Publishes through a channel and remembers what went out, so the command can report the run's alarms (an alarm whose
 * publish failed is not recorded: it stays in the state's outbox for the next run). Thread-safe.
 */
public final class RecordedAlarms implements AlarmPublisher {

    private final AlarmPublisher channel;
    private final List<PublishedAlarm> published = new ArrayList<>();

    public RecordedAlarms(AlarmPublisher channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String publish(AlarmMessage alarm) {
        String id = channel.publish(alarm);
        synchronized (published) {
            published.add(new PublishedAlarm(alarm, id));
        }
        return id;
    }

    /** Every alarm published so far, in publishing order. */
    public List<PublishedAlarm> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }
}
