package io.certguard.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Every request the simulator received: all of them in arrival order, and a queue of those not yet taken. */
final class RequestJournal {

    private final AtomicLong sequence = new AtomicLong();
    private final List<RecordedRequest> all = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(RecordedRequest request) {
        all.add(request);
        untaken.add(request);
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
     *
     * @throws IllegalStateException when none arrives in time
     */
    RecordedRequest take(Duration timeout) throws InterruptedException {
        RecordedRequest request = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (request == null) {
            throw new IllegalStateException("no request arrived within " + timeout.toMillis() + " ms (" + all.size()
                    + " received in all, all of them taken)");
        }
        return request;
    }

    List<RecordedRequest> all() {
        return List.copyOf(all);
    }

    int count() {
        return all.size();
    }
}
