package io.certguard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tables cover every finding code, each with at least one exact message. */
class FindingCodeCoverageTest {

    @Test
    void everyCodeIsExpectedByARowWithItsExactMessage() {
        List<BundleCase.Expect> expectations = Stream.concat(BundleInputTest.rows().stream(),
                BundleValidatorTest.rows().stream()).flatMap(row -> row.expected().stream()).toList();
        Set<FindingCode> withMessage = expectations.stream().filter(e -> e.message().isPresent())
                .map(BundleCase.Expect::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(FindingCode.class)));

        assertThat(withMessage).containsExactlyInAnyOrder(FindingCode.values());
    }
}
