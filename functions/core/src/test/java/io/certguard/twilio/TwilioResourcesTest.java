package io.certguard.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's documented resource shapes (the spec's examples) and the odd ones a defensive parser must survive. */
class TwilioResourcesTest {

    private static final DomainSid SID = DomainSid.of("DNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    /** The "update" example of POST /v1/LinkShortening/Domains/{DomainSid}/Certificate in twilio_messaging_v1.json. */
    private static final String SPEC_EXAMPLE = """
            {"certificate_sid": "CWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "domain_name": "https://api.example.com",
             "domain_sid": "DNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_expires": "2021-02-06T18:02:04Z",
             "date_created": "2021-02-06T18:02:04Z", "date_updated": "2021-02-06T18:02:04Z",
             "url": "https://messaging.twilio.com/v1/LinkShortening/Domains/DNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Certificate",
             "cert_in_validation": {"date_expires": "2021-02-06T18:02:04Z", "status": "pending"}}""";

    @Test
    void readsTheDocumentedCertificate() {
        DomainCertificate certificate = TwilioResources.certificate(SID, Json.parseObject(SPEC_EXAMPLE), "v1");

        assertThat(certificate.domainSid()).isEqualTo(SID);
        assertThat(certificate.certificateSid()).hasValue("CWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(certificate.hostname()).hasValue("api.example.com");
        assertThat(certificate.dateExpires()).hasValue(Instant.parse("2021-02-06T18:02:04Z"));
        assertThat(certificate.managed()).isEmpty();
        assertThat(certificate.apiVersion()).isEqualTo("v1");
        CertInValidation validation = certificate.certInValidation().orElseThrow();
        assertThat(validation.isPending()).isTrue();
        assertThat(validation.rawStatus()).isEqualTo("pending");
        assertThat(validation.dateExpires()).hasValue(Instant.parse("2021-02-06T18:02:04Z"));
    }

    @Test
    void readsV2ManagementFlagsAndNulls() {
        DomainCertificate certificate = TwilioResources.certificate(SID, Json.parseObject("""
                {"domain_sid": null, "certificate_sid": null, "date_expires": null, "managed": true, "requesting": false,
                 "cert_in_validation": null}"""), "v2");

        assertThat(certificate.managed()).hasValue(true);
        assertThat(certificate.requesting()).hasValue(false);
        assertThat(certificate.dateExpires()).isEmpty();
        assertThat(certificate.certInValidation()).isEmpty();
        assertThat(certificate.hostname()).isEmpty();
    }

    @Test
    void anEmptyObjectIsACertificateWithNothingKnown() {
        DomainCertificate certificate = TwilioResources.certificate(SID, Json.parseObject("{}"), "v1");

        assertThat(certificate.certificateSid()).isEmpty();
        assertThat(certificate.certInValidation()).isEmpty();
    }

    @Test
    void anotherDomainsResourceIsRefused() {
        assertThatThrownBy(() -> TwilioResources.certificate(SID,
                Json.parseObject("{\"domain_sid\": \"DNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}"), "v1"))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("was requested");
    }

    @Test
    void wronglyTypedFieldsNameTheField() {
        assertThatThrownBy(() -> TwilioResources.certificate(SID, Json.parseObject("{\"managed\": \"yes\"}"), "v2"))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("\"managed\"");
        assertThatThrownBy(() -> TwilioResources.certificate(SID, Json.parseObject("{\"date_expires\": \"soon\"}"), "v1"))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("\"date_expires\"");
    }

    @Test
    void anUndocumentedStatusIsOtherWithItsRawText() {
        CertInValidation validation = TwilioResources.certInValidation(Map.of("status", "Failed", "reason", "chain"));

        assertThat(validation.status()).isEqualTo(CertValidationStatus.OTHER);
        assertThat(validation.rawStatus()).isEqualTo("Failed");
        assertThat(validation.isPending()).isFalse();
        assertThat(validation.raw()).isEqualTo(Map.of("status", "Failed", "reason", "chain"));
    }

    @Test
    void pendingIsRecognisedWhateverItsCaseAndSpacing() {
        assertThat(TwilioResources.certInValidation(Map.of("status", " PENDING ")).isPending()).isTrue();
    }

    @Test
    void anObjectWithoutStatusOrWithANonStringStatusIsOther() {
        assertThat(TwilioResources.certInValidation(Map.of("date_expires", "2021-02-06T18:02:04Z")).rawStatus())
                .isEqualTo("(no status)");
        CertInValidation numeric = TwilioResources.certInValidation(Map.of("status", BigDecimal.ONE));
        assertThat(numeric.status()).isEqualTo(CertValidationStatus.OTHER);
        assertThat(numeric.rawStatus()).isEqualTo("(non-string status: 1)");
    }

    @Test
    void anUnparseableExpiryInsideTheValidationIsKeptOnlyAsRawData() {
        CertInValidation validation = TwilioResources.certInValidation(Map.of("status", "pending", "date_expires", "soon"));

        assertThat(validation.isPending()).isTrue();
        assertThat(validation.dateExpires()).isEmpty();
    }

    @Test
    void nonObjectValuesAreKeptAsData() {
        CertInValidation text = TwilioResources.certInValidation("pending");
        CertInValidation flag = TwilioResources.certInValidation(Boolean.TRUE);
        CertInValidation list = TwilioResources.certInValidation(List.of("pending"));

        assertThat(text.isPending()).as("a bare string is read as the status").isTrue();
        assertThat(flag.status()).isEqualTo(CertValidationStatus.OTHER);
        assertThat(flag.rawStatus()).isEqualTo("(unexpected boolean)");
        assertThat(flag.raw()).isEqualTo(true);
        assertThat(list.rawStatus()).isEqualTo("(unexpected array)");
    }

    @Test
    void nonObjectValidationInsideACertificateIsNotSuccess() {
        DomainCertificate certificate = TwilioResources.certificate(SID, Json.parseObject("{\"cert_in_validation\": 1}"), "v1");

        assertThat(certificate.certInValidation()).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(CertValidationStatus.OTHER);
            assertThat(v.rawStatus()).isEqualTo("(unexpected number)");
        });
    }

    @Test
    void readsTheConfigExample() {
        DomainConfig config = TwilioResources.config(SID, Json.parseObject("""
                {"domain_sid": "DNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "config_sid": "ZKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                 "fallback_url": "https://example.com", "callback_url": "https://example.com",
                 "continue_on_failure": true, "disable_https": false, "date_created": "2021-02-06T18:02:04Z",
                 "date_updated": "2021-02-06T18:02:04Z", "url": "https://messaging.twilio.com/v1/x"}"""));

        assertThat(config.continuesOnFailure()).isTrue();
        assertThat(config.configSid()).hasValue("ZKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(config.fallbackUrl()).hasValue("https://example.com");
        assertThat(config.disableHttps()).hasValue(false);
    }

    @Test
    void aConfigWithoutContinueOnFailureDoesNotContinue() {
        assertThat(TwilioResources.config(SID, Json.parseObject("{}")).continuesOnFailure()).isFalse();
    }

    @Test
    void readsDnsValidationAndTreatsAMissingAnswerAsInvalid() {
        DnsValidation ok = TwilioResources.dnsValidation(SID, Json.parseObject("{\"is_valid\": true, \"reason\": \"\"}"));
        DnsValidation unknown = TwilioResources.dnsValidation(SID, Json.parseObject("{\"is_valid\": null}"));

        assertThat(ok.valid()).isTrue();
        assertThat(ok.reason()).hasValue("");
        assertThat(unknown.valid()).isFalse();
    }

    @Test
    void hostnameStripsSchemePortPathAndCase() {
        assertThat(DomainCertificate.hostOf("https://Links.Example.com:443/path?q#f")).isEqualTo("links.example.com");
        assertThat(DomainCertificate.hostOf("links.example.com")).isEqualTo("links.example.com");
        assertThat(TwilioResources.certificate(SID, Json.parseObject("{\"domain_name\": \"https://\"}"), "v1").hostname())
                .isEmpty();
    }
}
