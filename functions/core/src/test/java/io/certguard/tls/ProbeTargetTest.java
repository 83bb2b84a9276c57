package io.certguard.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ProbeTargetTest {

    @Test
    void normalisesTheHost_andSendsItAsSni() {
        ProbeTarget target = ProbeTarget.of(" Links.Example.COM. ", 443);

        assertThat(target.host()).isEqualTo("links.example.com");
        assertThat(target.serverName()).contains("links.example.com");
        assertThat(target.connectAddress()).isEmpty();
        assertThat(target).hasToString("links.example.com:443");
    }

    @Test
    void connectAddressKeepsTheNameForSniAndTheHostnameCheck() {
        ProbeTarget target = ProbeTarget.of("links.example.com", 8443).connectingTo(InetAddress.getLoopbackAddress());

        assertThat(target.host()).isEqualTo("links.example.com");
        assertThat(target.serverName()).contains("links.example.com");
        assertThat(target.connectAddress()).contains(InetAddress.getLoopbackAddress());
        assertThat(target).hasToString("links.example.com:8443 via 127.0.0.1");
    }

    @Test
    void ipAddressesAreNeverSentAsSni() {
        assertThat(ProbeTarget.of("192.0.2.7", 443).serverName()).isEmpty();
        ProbeTarget v6 = ProbeTarget.of("[2001:DB8::1]", 443);
        assertThat(v6.host()).isEqualTo("2001:db8::1");
        assertThat(v6.serverName()).isEmpty();
        assertThat(v6).hasToString("[2001:db8::1]:443");
    }

    @Test
    void refusesWhatNoClientCouldProbe() {
        assertThatThrownBy(() -> ProbeTarget.of("links.example.com", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 1 to 65535, was 0");
        assertThatThrownBy(() -> ProbeTarget.of(" . ", 443))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host must not be blank");
        assertThatThrownBy(() -> ProbeTarget.of("bad_name.example.com", 443))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a host name a TLS client can send: bad_name.example.com");
    }
}
