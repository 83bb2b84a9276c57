package io.certguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.certguard.domain.DomainSid;
import io.certguard.hostile.HostileSeeds;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.twilio.TwilioError;
import io.certguard.twilio.TwilioResources;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of how a Twilio response body is read, the steps TwilioHttpClient takes: the
 * body decoded as UTF-8 and parsed by {@link Json#parse}; a JSON object mapped by each {@link TwilioResources} mapper
 * (Certificate, Config, DNS validation) and read as an error body by {@link TwilioError#from}. Only the typed errors of
 * {@link ParserErrors#json} and {@link ParserErrors#twilioResource} may escape; {@code TwilioError.from} may throw
 * nothing. What is parsed must write back short and stable. Seeds: the bodies of {@code hostile/twilio/}.
 */
class TwilioResponseFuzzTest {

    private static final DomainSid DOMAIN = DomainSid.of("DN0123456789abcdef0123456789abcdef");

    static Stream<Arguments> seeds() {
        return Seeds.of(HostileSeeds.twilioBodies());
    }

    @MethodSource("seeds")
    @DictionaryEntries({"\"domain_sid\"", "\"certificate_sid\"", "\"domain_name\"", "\"date_created\"",
            "\"date_updated\"", "\"date_expires\"", "\"managed\"", "\"requesting\"", "\"cert_in_validation\"",
            "\"status\"", "\"config_sid\"", "\"continue_on_failure\"", "\"disable_https\"", "\"fallback_url\"",
            "\"callback_url\"", "\"is_valid\"", "\"reason\"", "\"code\"", "\"message\"", "\"more_info\"",
            "\"DN0123456789abcdef0123456789abcdef\"", "\"2026-11-27T10:00:00Z\"", "true", "false", "null", "\\u",
            "1e999999999", "-0.0E-7"})
    @FuzzTest(maxDuration = "30s")
    void responseBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!(ParserErrors.json(() -> Json.parse(text)) instanceof ParserErrors.Parsed<Object> parsed)) {
            return;
        }
        // Bounded: a character escapes to at most six ("\u2028"), a number of k characters writes at most about 25k
        // ("1e99" is a 1 and 99 zeros; larger exponents are kept in exponent form).
        String written = Json.write(parsed.value());
        assertThat(written.length()).as("written length").isLessThanOrEqualTo(25 * text.length() + 2);
        // Stable: numbers may change form (-1.5e3 is written -1500), so compare what is written again.
        assertThat(Json.write(Json.parse(written))).isEqualTo(written);

        if (parsed.value() instanceof Map<?, ?> members) {
            JsonObject json = JsonObject.of(members);
            ParserErrors.twilioResource(() -> TwilioResources.certificate(DOMAIN, json, "v2"));
            ParserErrors.twilioResource(() -> TwilioResources.config(DOMAIN, json));
            ParserErrors.twilioResource(() -> TwilioResources.dnsValidation(DOMAIN, json));
            TwilioError.from(json); // an error body is read leniently: it throws nothing
        }
    }
}
