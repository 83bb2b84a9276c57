package io.certguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.certguard.adapter.aws.OfflineAwsClients;
import org.junit.jupiter.api.Test;

class CommonPrimingTest {

    @Test
    void theSdkPipeline_isPrimedForEachServiceThroughCertguardsAdapters_answeredInMemory() {
        try (OfflineAwsClients aws = new OfflineAwsClients()) {
            CommonPriming.aws(aws);

            assertThat(aws.operations()).containsExactly("DynamoDB_20120810.GetItem", "DynamoDB_20120810.Query",
                    "secretsmanager.GetSecretValue", "Publish");
        }
    }

    @Test
    void everyPart_runsOffline() {
        assertThatCode(CommonPriming::prime).doesNotThrowAnyException();
    }
}
