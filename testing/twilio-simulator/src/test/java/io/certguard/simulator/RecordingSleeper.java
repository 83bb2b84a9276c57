package io.certguard.simulator;

import io.certguard.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the client's backoff delays instead of sleeping, so retry tests run at once and can check each delay. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
