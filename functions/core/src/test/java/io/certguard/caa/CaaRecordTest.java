package io.certguard.caa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaaRecordTest {

    @ParameterizedTest(name = "flags {0} critical: {1}")
    @CsvSource({"0, false", "128, true", "1, true", "129, true", "2, false", "64, false", "126, false", "255, true"})
    void criticalMeansBit128OrBit1(int flags, boolean critical) {
        assertThat(new CaaRecord(flags, "tbs", "x").isCritical()).isEqualTo(critical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"issue, ISSUE", "ISSUE, ISSUE", "IssueWild, ISSUEWILD", "iodef, IODEF", "issuemail, ISSUEMAIL",
            "issuevmc, ISSUEVMC", "contactemail, UNKNOWN", "issue-, UNKNOWN"})
    void tagsNamePropertiesCaseInsensitively(String tag, CaaProperty property) {
        assertThat(new CaaRecord(0, tag, "").property()).isEqualTo(property);
    }

    @Test
    void printsLikeAZoneFile_escapingQuotesAndControlCharacters() {
        assertThat(new CaaRecord(0, "issue", "letsencrypt.org")).hasToString("0 issue \"letsencrypt.org\"");
        assertThat(new CaaRecord(128, "tbs", "say \"hi\"\\\n\u00e9")).hasToString("128 tbs \"say \\\"hi\\\"\\\\\\010\\233\"");
    }

    @Test
    void aLongValueIsShortenedWhenPrinted_butKeptWhole() {
        CaaRecord record = new CaaRecord(0, "issue", "letsencrypt.org; accounturi=" + "x".repeat(5000));

        assertThat(record.value()).hasSize(5028);
        assertThat(record.toString()).hasSize(153).endsWith("…(4908 more characters)\"");
    }

    @Test
    void flagsAreOneOctet() {
        assertThatThrownBy(() -> new CaaRecord(256, "issue", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flags must be one octet (0 to 255), was 256");
    }

    @Test
    void valuesAreOctets() {
        assertThatThrownBy(() -> new CaaRecord(0, "issue", "le\u20ac"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must hold one character per octet (U+0000 to U+00FF), found U+20AC at index 2");
    }
}
