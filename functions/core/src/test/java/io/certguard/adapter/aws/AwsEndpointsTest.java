package io.certguard.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.config.ConfigurationException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsEndpointsTest {

    @Test
    void noVariable_leavesEveryClientToTheSdkDefaultChain() {
        assertThat(AwsEndpoints.from(Map.of("STATE_TABLE", "t"))).isEqualTo(AwsEndpoints.sdkDefaults());
    }

    @Test
    void aServiceSpecificEndpoint_winsOverTheGlobalOne_forThatServiceOnly() {
        AwsEndpoints endpoints = AwsEndpoints.from(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:9999"));

        assertThat(endpoints.sns()).contains(URI.create("http://127.0.0.1:9999"));
        assertThat(endpoints.dynamoDb()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(endpoints.secretsManager()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(endpoints.sqs()).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void theScanQueueHasItsOwnServiceSpecificEndpoint() {
        AwsEndpoints endpoints = AwsEndpoints.from(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324"));

        assertThat(endpoints.sqs()).contains(URI.create("http://127.0.0.1:9324"));
        assertThat(endpoints.dynamoDb()).isEmpty();
    }

    @Test
    void theSdkIgnoreFlag_dropsEveryConfiguredEndpoint() {
        assertThat(AwsEndpoints.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")).dynamoDb()).isEqualTo(Optional.empty());
    }

    @Test
    void aValueThatIsNoUrl_isNamedInTheError() {
        assertThatThrownBy(() -> AwsEndpoints.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "localhost:4566")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("AWS_ENDPOINT_URL_DYNAMODB must be an absolute URL such as http://127.0.0.1:4566, was \"localhost:4566\"");
    }
}
