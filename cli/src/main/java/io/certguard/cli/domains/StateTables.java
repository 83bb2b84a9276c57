package io.certguard.cli.domains;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.state.StateStore;
import java.util.function.Function;

/** Opens the state table a command names, for the duration of some work. */
@FunctionalInterface
public interface StateTables {

    <T> T withTable(String table, Function<StateStore, T> work);

    /** The DynamoDB table, with AWS clients from the default chains (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL…). */
    static StateTables dynamoDb() {
        return new StateTables() {
            @Override
            public <T> T withTable(String table, Function<StateStore, T> work) {
                try (AwsClients aws = new AwsClients()) {
                    return work.apply(new DynamoDbStateStore(aws.dynamoDb(), table));
                }
            }
        };
    }
}
