package io.certguard.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsCertPayloadTest {

    @Test
    void toStringNeverShowsThePem() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n";

        assertThat(new TlsCertPayload(pem).toString()).isEqualTo("TlsCertPayload[" + pem.length() + " characters, redacted]");
        assertThat(new TlsCertPayload(pem).pem()).isEqualTo(pem);
    }

    @Test
    void refusesAnEmptyPayload() {
        assertThatThrownBy(() -> new TlsCertPayload(" \n")).isInstanceOf(IllegalArgumentException.class);
    }
}
