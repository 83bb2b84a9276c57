package io.certguard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** scan --topic-arn publishes to SNS through the AWS default chains (the emulator here). */
@ExtendWith(AwsEmulator.class)
class ScanCommandSnsIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void alarmsArePublishedToTheTopic_asSubscribersReceiveThem_andListedInTheResult(AwsClients aws, SqsClient sqs) {
        AwsStack stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        try (OfflineWorld world = OfflineWorld.start(new MutableClock(ScanCommandTest.T0))) {
            world.addDomain(ScanCommandTest.SID, ScanCommandTest.HOST, ScanCommandTest.T0.plus(Duration.ofDays(40)),
                    UnaryOperator.identity());

            Result result = CliHarness.run(ScanCommandTest.ENV, "scan", "--domain", ScanCommandTest.SID + "="
                    + ScanCommandTest.HOST + ":" + world.tls().port(), "--twilio-base-url",
                    world.twilio().baseUri().toString(), "--resolver", "127.0.0.1:" + world.dns().address().getPort(),
                    "--state", dir.resolve("state.json").toString(), "--now",
                    ScanCommandTest.T0.plus(Duration.ofDays(26)).toString(), "--topic-arn", stack.topicArn(), "--json");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.json().optionalArray("alarms").orElseThrow()).hasSize(1);
            assertThat(JsonObject.of((Map<?, ?>) result.json().optionalArray("alarms").orElseThrow().getFirst())
                    .string("subject")).isEqualTo("[30131 WARNING] links.example.com certificate expires in 14 days");
            assertThat(stack.inbox().subjects())
                    .containsExactly("[30131 WARNING] links.example.com certificate expires in 14 days");
            assertThat(result.all()).doesNotContain(ScanCommandTest.API_SECRET);
        }
    }
}
