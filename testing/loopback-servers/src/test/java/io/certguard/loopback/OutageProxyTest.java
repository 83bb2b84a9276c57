package io.certguard.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageProxyTest {

    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpServer service;
    private OutageProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            served.add(body);
            byte[] answer = ("echo " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        service.start();
        proxy = OutageProxy.forwardingTo(URI.create("http://127.0.0.1:" + service.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
        service.stop(0);
    }

    private String post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(proxy.uri().resolve("/"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void forwardsRequestsOverOneKeptAliveConnection_andNamesTheirOperations() throws Exception {
        assertThat(post("Action=Publish&Message=a")).isEqualTo("echo Action=Publish&Message=a");
        assertThat(post("Action=Subscribe")).isEqualTo("echo Action=Subscribe");
        assertThat(post("Message=%C3%A9t%C3%A9")).isEqualTo("echo Message=%C3%A9t%C3%A9");

        assertThat(proxy.forwardedOperations()).containsExactly("Publish", "Subscribe", "");
        assertThat(served).hasSize(3);
    }

    @Test
    void theTriggeringRequestNeverArrives_andTheServiceStaysDownUntilRestarted() throws Exception {
        proxy.stopAtOperation("Publish", 2);

        post("Action=Publish&Message=first");
        assertThatThrownBy(() -> post("Action=Publish&Message=second")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post("Action=Subscribe")).as("down for every operation").isInstanceOf(IOException.class);
        assertThat(proxy.isDown()).isTrue();

        proxy.restart();
        assertThat(post("Action=Publish&Message=third")).isEqualTo("echo Action=Publish&Message=third");
        assertThat(served).containsExactly("Action=Publish&Message=first", "Action=Publish&Message=third");
        assertThat(proxy.refused()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void stopNow_resetsConnectionsAlreadyOpen() throws Exception {
        post("Action=Publish&Message=before");
        proxy.stopNow();

        assertThatThrownBy(() -> post("Action=Publish&Message=after")).isInstanceOf(IOException.class);
        assertThat(served).containsExactly("Action=Publish&Message=before");
    }

    @Test
    void refusesToProxyAnythingButPlainHttp() {
        assertThatThrownBy(() -> OutageProxy.forwardingTo(URI.create("https://127.0.0.1:4566")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP only");
    }
}
