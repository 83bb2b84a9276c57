package io.certguard.cli.caa;

import io.certguard.adapter.dns.DnsjavaCaaLookup;
import io.certguard.caa.CaaCheck;
import io.certguard.caa.CaaChecker;
import io.certguard.caa.CaaDecision;
import io.certguard.caa.CaaNames;
import io.certguard.cli.Arguments;
import io.certguard.cli.Command;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.UsageException;
import java.util.List;
import java.util.Optional;

/** {@code caa HOST}: the scan's CAA decision for a host, with the records that decided it. */
public final class CaaCommand implements Command {

    private static final Option ISSUER = Option.value("issuer", "DOMAIN",
            "the CA's issuer domain name (default: letsencrypt.org, which Twilio-managed certificates use)");

    private static final CommandSpec SPEC = new CommandSpec("caa",
            "Check whether a CA (Let's Encrypt by default) may issue for a host under its CAA records",
            List.of("caa HOST [--resolver IP[:PORT]] [--issuer letsencrypt.org] [--json]"),
            """
            Walks the CAA records from HOST up to its top-level domain (RFC 8659) and decides as Let's Encrypt does:
            the closest name with CAA records decides, and a lookup that fails makes the answer indeterminate, never
            permitted. Twilio-managed certificates come from Let's Encrypt, so a DENIED domain cannot be renewed by
            Twilio.

            Exit status: 0 PERMITTED, 1 DENIED, 3 INDETERMINATE (a DNS failure hides the answer), 2 usage error.
            """,
            List.of(CommonOptions.RESOLVER, ISSUER), 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Invocation invocation) {
        String host = invocation.args().positionals().getFirst();
        try {
            CaaNames.normalize(host);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        String issuer = issuer(invocation.args());
        CaaChecker checker = new CaaChecker(new DnsjavaCaaLookup(CommonOptions.dns(invocation)), issuer,
                Optional.empty(), Optional.empty());
        CaaCheck check = checker.check(host, false);
        if (invocation.output().json()) {
            invocation.output().document(CaaView.json(check, issuer));
        } else {
            invocation.output().out().print(CaaView.human(check, issuer));
        }
        return exitCode(check.decision());
    }

    static ExitCode exitCode(CaaDecision decision) {
        return switch (decision) {
            case CaaDecision.Permitted p -> ExitCode.OK;
            case CaaDecision.Denied d -> ExitCode.PROBLEM;
            case CaaDecision.Indeterminate i -> ExitCode.INDETERMINATE;
        };
    }

    private static String issuer(Arguments args) {
        String issuer = args.value(ISSUER.name()).orElse(CaaChecker.LETS_ENCRYPT).strip();
        try {
            return CaaNames.normalize(issuer);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--issuer " + Arguments.shown(issuer) + " is not an issuer domain name such as "
                    + CaaChecker.LETS_ENCRYPT, e);
        }
    }
}
