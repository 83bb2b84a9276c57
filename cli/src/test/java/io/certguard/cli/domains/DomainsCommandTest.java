package io.certguard.cli.domains;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.cli.Cli;
import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.DomainRegistry;
import io.certguard.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** domains add|remove|list over an in-memory table (the DynamoDB one is the integration test's). */
class DomainsCommandTest {

    private static final DomainSid A = DomainSid.of("DN" + "a".repeat(32));
    private static final DomainSid B = DomainSid.of("DN" + "b".repeat(32));

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<String> tablesOpened = new ArrayList<>();
    private final Cli cli = new Cli(List.of(new DomainsCommand(new StateTables() {
        @Override
        public <T> T withTable(String table, Function<StateStore, T> work) {
            tablesOpened.add(table);
            return work.apply(store);
        }
    })), Clock.systemUTC());

    private Result domains(String... args) {
        List<String> all = new ArrayList<>(List.of("domains"));
        all.addAll(List.of(args));
        return CliHarness.run(cli, Map.of("STATE_TABLE", "certguard-state"), all.toArray(String[]::new));
    }

    @Test
    void add_list_remove() {
        Result added = domains("add", A + "=links.example.com:8443", "--credentials-secret", "sub/credentials");
        Result addedBare = domains("add", B.value());
        Result updated = domains("add", B + "=other.example.com");
        Result listed = domains("list");
        Result removed = domains("remove", A.value());

        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).isEqualTo("registered " + A + " links.example.com:8443, credentials in sub/credentials in "
                + "certguard-state\n");
        assertThat(addedBare.out()).contains("registered " + B + " (host from Twilio, port 443)");
        assertThat(updated.out()).startsWith("updated " + B + " other.example.com:443");
        assertThat(listed.out().lines()).containsExactly(A + " links.example.com:8443, credentials in sub/credentials",
                B + " other.example.com:443");
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).isEqualTo("removed " + A + " from the registry in certguard-state\n");
        assertThat(new DomainRegistry(store).registered()).containsExactly(
                new MonitoredDomain(B, Optional.of("other.example.com"), 443));
        assertThat(tablesOpened).containsOnly("certguard-state");
    }

    @Test
    void json_listsAndReports() {
        domains("add", A + "=links.example.com");

        Result listed = domains("list", "--json");
        Result removed = domains("remove", A.value(), "--json");
        Result empty = domains("list", "--json", "--table", "other-table");

        assertThat(listed.out()).isEqualTo("{\"domains\":[{\"domainSid\":\"" + A + "\",\"host\":\"links.example.com\","
                + "\"port\":443,\"credentialsSecret\":null}]}\n");
        assertThat(removed.json().optionalBoolean("removed")).contains(true);
        assertThat(empty.json().optionalArray("domains")).contains(List.of());
        assertThat(tablesOpened).endsWith("other-table");
    }

    @Test
    void removingADomainThatIsNotRegistered_exit1() {
        Result result = domains("remove", A.value());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo(A + " is not registered in certguard-state; nothing removed\n");
    }

    @Test
    void badInput_isOneLineAndExit2_beforeTheTableIsOpened() {
        assertUsage(CliHarness.run(cli, Map.of(), "domains", "list"), "no state table");
        assertUsage(domains("rename", A.value()), "unknown action \"rename\"");
        assertUsage(domains("add"), "domains add needs DN…[=HOST[:PORT]]");
        assertUsage(domains("add", "DN1=links.example.com"), "not a Twilio domain SID");
        assertUsage(domains("add", A + "=https://links.example.com"), "give a host name, not a URL");
        assertUsage(domains("remove"), "domains remove needs the domain SID");
        assertUsage(domains("remove", "links.example.com"), "is not a Twilio domain SID");
        assertUsage(domains("list", "extra"), "takes no argument");
        assertUsage(domains("remove", A.value(), "--credentials-secret", "x"), "--credentials-secret goes with domains add");
        assertUsage(domains(), "missing argument");
        assertThat(tablesOpened).isEmpty();
    }

    private static void assertUsage(Result result, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard domains: ").contains(message);
    }
}
