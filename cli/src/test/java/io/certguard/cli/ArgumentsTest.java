package io.certguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Option DOMAIN = Option.value("domain", "HOST", "the host");
    private static final Option RESOLVER = Option.repeatable("resolver", "IP", "a resolver");
    private static final Option FORCE = Option.flag("force", "do it");
    private static final CommandSpec SPEC = new CommandSpec("try", "Try", List.of("try FILE [--domain HOST]"),
            "Tries.", List.of(DOMAIN, RESOLVER, FORCE), 1, 2);

    private static Arguments parse(String... args) {
        return Arguments.parse(SPEC, List.of(args));
    }

    @Test
    void valuesFlagsAndPositionals_inEitherSpelling() {
        Arguments args = parse("a.pem", "--domain", "x.example.com", "--resolver=10.0.0.2", "--resolver", "10.0.0.3",
                "--force", "b.pem");

        assertThat(args.positionals()).containsExactly("a.pem", "b.pem");
        assertThat(args.value("domain")).contains("x.example.com");
        assertThat(args.values("resolver")).containsExactly("10.0.0.2", "10.0.0.3");
        assertThat(args.flag("force")).isTrue();
        assertThat(args.flag("json")).isFalse();
    }

    @Test
    void doubleDash_endsOptions_andADashAloneIsPositional() {
        Arguments args = parse("--", "--domain");

        assertThat(args.positionals()).containsExactly("--domain");
        assertThat(args.value("domain")).isEmpty();
        assertThat(parse("-").positionals()).containsExactly("-");
    }

    @Test
    void anEmptyValueIsAValue() {
        assertThat(parse("f", "--domain=").value("domain")).contains("");
    }

    @Test
    void everyMistake_isAUsageErrorNamingIt() {
        assertThatThrownBy(() -> parse("f", "--frob")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option \"--frob\"");
        assertThatThrownBy(() -> parse("f", "-x")).hasMessageContaining("unknown option \"-x\"");
        assertThatThrownBy(() -> parse("f", "--domain")).hasMessage("option --domain needs a value (HOST)");
        assertThatThrownBy(() -> parse("f", "--force=yes")).hasMessage("option --force takes no value");
        assertThatThrownBy(() -> parse("f", "--domain", "a", "--domain", "b"))
                .hasMessage("option --domain is given more than once");
        assertThatThrownBy(() -> parse("a", "b", "c")).hasMessage("unexpected argument \"c\"");
        assertThatThrownBy(() -> parse()).hasMessageStartingWith("missing argument; usage: ./certguard try FILE");
        assertThatThrownBy(() -> parse("f").required("domain")).isInstanceOf(UsageException.class)
                .hasMessage("option --domain is required");
    }

    @Test
    void syntaxErrors_pointToTheHelp_inputErrorsDoNot() {
        assertThatThrownBy(() -> parse("f", "--frob")).isInstanceOfSatisfying(UsageException.class,
                e -> assertThat(e.pointsToHelp()).isTrue());
        assertThat(new UsageException("cannot read f: no such file").pointsToHelp()).isFalse();
    }

    @Test
    void help_isAcceptedWhateverElseIsMissing() {
        assertThat(parse("--help").flag("help")).isTrue();
        assertThat(parse("-h").flag("help")).isTrue();
    }

    @Test
    void shownArguments_areShortAndPrintable() {
        assertThat(Arguments.shown("a\u0007b")).isEqualTo("\"a?b\"");
        assertThat(Arguments.shown("x".repeat(100))).isEqualTo("\"" + "x".repeat(40) + "…\"");
    }

    @Test
    void readingAnUndeclaredOption_isAProgrammingError() {
        assertThatThrownBy(() -> parse("f").value("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
