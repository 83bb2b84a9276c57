package io.certguard.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Decides which fault, if any, a request gets: first the oldest scripted fault whose path pattern matches (FIFO),
 * otherwise a random draw at the configured rate. The draw uses one seeded {@link Random}, so a run of sequential
 * requests sees the same faults every time.
 */
final class FaultSchedule {

    private record Scripted(TwilioFault fault, Optional<Pattern> pathPattern) {
        boolean appliesTo(String path) {
            return pathPattern.map(p -> p.matcher(path).find()).orElse(true);
        }
    }

    private record RandomFaults(double rate, Random random, List<TwilioFault> kinds) {
    }

    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private RandomFaults randomFaults;

    synchronized void enqueue(TwilioFault fault, Optional<Pattern> pathPattern) {
        scripted.addLast(new Scripted(Objects.requireNonNull(fault, "fault"), pathPattern));
    }

    synchronized void rate(double rate, long seed, List<TwilioFault> kinds) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1: " + rate);
        }
        if (rate > 0 && kinds.isEmpty()) {
            throw new IllegalArgumentException("a fault rate above 0 needs at least one fault kind");
        }
        randomFaults = rate == 0 ? null : new RandomFaults(rate, new Random(seed), List.copyOf(kinds));
    }

    synchronized Optional<TwilioFault> next(String path) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted candidate = it.next();
            if (candidate.appliesTo(path)) {
                it.remove();
                return Optional.of(candidate.fault());
            }
        }
        if (randomFaults != null && randomFaults.random().nextDouble() < randomFaults.rate()) {
            List<TwilioFault> kinds = randomFaults.kinds();
            return Optional.of(kinds.get(randomFaults.random().nextInt(kinds.size())));
        }
        return Optional.empty();
    }
}
