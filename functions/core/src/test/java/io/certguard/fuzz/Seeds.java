package io.certguard.fuzz;

import io.certguard.hostile.HostileSeeds;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeds as JUnit arguments for a {@code @MethodSource} placed before {@code @FuzzTest}: in regression mode (every
 * {@code mvn test}) each seed is one test case, named after its corpus case; in fuzzing mode Jazzer hands them to
 * libFuzzer as its starting corpus.
 */
final class Seeds {

    private Seeds() {
    }

    static Stream<Arguments> of(Stream<HostileSeeds.Seed> seeds) {
        return seeds.map(seed -> Arguments.of(Named.of(seed.name(), seed.bytes())));
    }
}
