package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus itself: big enough, every input paired with an expectation, every expectation naming an outcome. */
class HostileCorpusTest {

    private static final List<String> KINDS = List.of("events", "secrets", "twilio", "dns");

    @Test
    void theCorpusHoldsAtLeastSixtyCasesAndEveryKindHasSome() {
        int total = 0;
        for (String kind : KINDS) {
            List<HostileCorpus.Case> cases = HostileCorpus.cases(kind); // fails on an input without .expect
            assertThat(cases).as(kind).hasSizeGreaterThanOrEqualTo(20);
            total += cases.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(60);
    }

    @Test
    void everyCaseIsDescribedAndNamesARealOutcome() {
        for (String kind : KINDS) {
            for (HostileCorpus.Case c : HostileCorpus.cases(kind)) {
                assertThat(c.expect().required("outcome")).as("%s/%s", kind, c).matches("[A-Z][A-Za-z]+");
                assertThat(c.expect().file()).as("%s/%s has a # description", kind, c)
                        .content().startsWith("# ");
            }
        }
    }
}
