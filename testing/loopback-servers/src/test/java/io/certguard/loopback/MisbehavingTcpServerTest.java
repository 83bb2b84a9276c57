package io.certguard.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.loopback.MisbehavingTcpServer.Behaviour;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MisbehavingTcpServerTest {

    @Test
    void silentServer_acceptsButNeverAnswers() throws Exception {
        try (MisbehavingTcpServer server = MisbehavingTcpServer.start(Behaviour.SILENT);
                Socket client = connect(server)) {
            client.getOutputStream().write("hello?".getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(200);

            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void plaintextServer_answersHttpAndCloses() throws Exception {
        try (MisbehavingTcpServer server = MisbehavingTcpServer.start(Behaviour.PLAINTEXT_HTTP);
                Socket client = connect(server)) {
            client.setSoTimeout(5_000);

            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
    }

    @Test
    void tricklingServer_startsATlsRecordAndKeepsSendingSingleBytes() throws Exception {
        try (MisbehavingTcpServer server = MisbehavingTcpServer.start(Behaviour.TRICKLE);
                Socket client = connect(server)) {
            client.setSoTimeout(5_000);
            InputStream in = client.getInputStream();

            assertThat(in.readNBytes(5)).containsExactly(0x16, 0x03, 0x03, 0x40, 0x00);
            assertThat(in.readNBytes(2)).containsExactly(0, 0);
        }
    }

    private static Socket connect(MisbehavingTcpServer server) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.address(), server.port()), 5_000);
        return socket;
    }
}
