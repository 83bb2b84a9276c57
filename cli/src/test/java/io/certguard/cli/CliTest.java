package io.certguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness.Result;
import io.certguard.config.ConfigurationException;
import io.certguard.state.StateStoreException;
import io.certguard.twilio.TwilioAuthenticationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

class CliTest {

    private static final List<String> COMMANDS = List.of("demo", "check-bundle", "caa", "scan", "request-managed",
            "domains");

    /** A command that fails the way {@code failure} says. */
    private static Cli failingWith(Supplier<RuntimeException> failure) {
        Command command = new Command() {
            @Override
            public CommandSpec spec() {
                return new CommandSpec("boom", "Fails", List.of("boom"), "Fails on purpose.", List.of(), 0, 0);
            }

            @Override
            public ExitCode run(Invocation invocation) {
                throw failure.get();
            }
        };
        return new Cli(List.of(command), Clock.systemUTC());
    }

    @Test
    void help_listsEveryCommand_onStdout() {
        Result result = CliHarness.run(Map.of(), "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(COMMANDS).contains("Exit status");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void noCommand_isAUsageError_withTheOverviewOnStderr() {
        Result result = CliHarness.run(Map.of());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("certguard: no command given").contains(COMMANDS);
    }

    @Test
    void anUnknownCommand_isOneLineAndExit2() {
        Result result = CliHarness.run(Map.of(), "sacn");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("certguard: unknown command \"sacn\"; the commands are demo, "
                + "check-bundle, upload, caa, scan, request-managed, domains (./certguard --help)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "check-bundle", "caa", "scan", "request-managed", "domains"})
    void everyCommand_hasHelp_withItsSynopsisOptionsAndExitStatus(String command) {
        Result result = CliHarness.run(Map.of(), command, "--help");
        Result viaHelp = CliHarness.run(Map.of(), "help", command);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: ./certguard " + command).contains("--json", "--debug", "--help",
                "Exit status");
        assertThat(viaHelp.out()).isEqualTo(result.out());
    }

    @Test
    void anUnknownOption_isOneLineNamingIt_pointingToTheCommandsHelp() {
        Result result = CliHarness.run(Map.of(), "caa", "links.example.com", "--resolvr", "127.0.0.1");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(
                "certguard caa: unknown option \"--resolvr\" (./certguard caa --help)");
    }

    @Test
    void helpForAnUnknownCommand_isTheUnknownCommandError() {
        Result result = CliHarness.run(Map.of(), "help", "sacn");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("certguard: unknown command \"sacn\"");
    }

    @Test
    void globalFlagsBeforeTheCommand_stillLetDoubleDashEndItsOptions() {
        Result result = CliHarness.run(Map.of(), "--json", "caa", "--", "-not-a-host");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("certguard caa: invalid host \"-not-a-host\"");
    }

    @Test
    void globalFlagsMayComeBeforeTheCommand() {
        Result result = CliHarness.run(Map.of(), "--json", "--debug", "domains", "list");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("certguard domains: no state table");
    }

    @Test
    void anUnexpectedFailure_isOneLineWithoutAStackTrace_andDebugShowsIt() {
        Cli cli = failingWith(() -> new IllegalStateException("the flux capacitor"));

        Result plain = CliHarness.run(cli, Map.of(), "boom");
        Result debug = CliHarness.run(cli, Map.of(), "boom", "--debug");

        assertThat(plain.exit()).isEqualTo(4);
        assertThat(plain.err().lines()).containsExactly(
                "certguard boom: internal error: IllegalStateException: the flux capacitor (--debug shows where)");
        assertThat(debug.exit()).isEqualTo(4);
        assertThat(debug.err()).contains("java.lang.IllegalStateException: the flux capacitor").contains("\tat ");
    }

    @Test
    void knownFailures_mapToTheirExitStatus_inOneLine() {
        assertThat(CliHarness.run(failingWith(() -> new ConfigurationException("X is not set")), Map.of(), "boom"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).isEqualTo("certguard boom: X is not set\n"));
        assertThat(CliHarness.run(failingWith(() -> new TwilioAuthenticationException("GET /v2/x: HTTP 401", 401,
                Optional.empty())), Map.of(), "boom"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(4))
                .satisfies(r -> assertThat(r.err()).isEqualTo(
                        "certguard boom: Twilio refused the credentials: GET /v2/x: HTTP 401\n"));
        assertThat(CliHarness.run(failingWith(() -> new StateStoreException("table t: gone\nreally", null)), Map.of(),
                "boom"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(4))
                .satisfies(r -> assertThat(r.err()).isEqualTo("certguard boom: table t: gone really\n"));
        assertThat(CliHarness.run(failingWith(() -> SdkClientException.create("Unable to load region from any of the "
                + "providers in the chain DefaultAwsRegionProviderChain@1: [...]")), Map.of(), "boom").err())
                .isEqualTo("certguard boom: AWS: no AWS region: set AWS_REGION, or AWS_PROFILE naming a profile with a "
                        + "region\n");
        assertThat(CliHarness.run(failingWith(() -> new CommandFailure("CAA denies", ExitCode.PROBLEM, null)), Map.of(),
                "boom").exit()).isEqualTo(1);
    }
}
