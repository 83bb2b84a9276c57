package io.certguard.cli.domains;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.DomainRegistry;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.TemplateResources;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** domains against the state table as template.yaml creates it, in the AWS emulator, through the default chains. */
@ExtendWith(AwsEmulator.class)
class DomainsCommandIntegrationTest {

    private static final DomainSid SID = DomainSid.of("DN" + "c".repeat(32));

    @Test
    void addListRemove_onTheDeployedTable(AwsClients aws) {
        String table = AwsEmulator.uniqueName("state");
        TemplateResources.fromProject().createStateTable(aws.dynamoDb(), table);
        try {
            Result added = CliHarness.run(Map.of("STATE_TABLE", table), "domains", "add", SID + "=links.example.com");
            Result listed = CliHarness.run(Map.of(), "domains", "list", "--table", table, "--json");

            assertThat(added.exit()).as(added.toString()).isZero();
            assertThat(new DomainRegistry(new DynamoDbStateStore(aws.dynamoDb(), table)).registered())
                    .containsExactly(new MonitoredDomain(SID, Optional.of("links.example.com"), 443));
            assertThat(listed.out()).contains("\"domainSid\":\"" + SID + "\"");

            Result removed = CliHarness.run(Map.of(), "domains", "remove", SID.value(), "--table", table);
            assertThat(removed.exit()).as(removed.toString()).isZero();
            assertThat(new DomainRegistry(new DynamoDbStateStore(aws.dynamoDb(), table)).registered()).isEmpty();
        } finally {
            aws.dynamoDb().deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void aMissingTable_isOneLine_exit4() {
        Result result = CliHarness.run(Map.of(), "domains", "list", "--table", AwsEmulator.uniqueName("missing"));

        assertThat(result.exit()).as(result.toString()).isEqualTo(4);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard domains: DynamoDB table ");
    }
}
