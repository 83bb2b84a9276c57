package io.certguard.cli.twilio;

import io.certguard.adapter.dns.DnsjavaCaaLookup;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.caa.CaaCheck;
import io.certguard.caa.CaaChecker;
import io.certguard.caa.CaaDecision;
import io.certguard.cli.Command;
import io.certguard.cli.CommandFailure;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.Output;
import io.certguard.cli.caa.CaaView;
import io.certguard.domain.DomainSid;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.TwilioDomains;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code request-managed --domain-sid DN…}: switches a domain to a Twilio-managed certificate (RequestManagedCert),
 * after checking that the domain's CAA records let Let's Encrypt issue for its host; refuses, with the reason, when
 * they do not or cannot be read.
 */
public final class RequestManagedCommand implements Command {

    private static final Option DOMAIN_SID = Option.value("domain-sid", "DN…", "the domain to switch (required)");

    private static final CommandSpec SPEC = new CommandSpec("request-managed",
            "Switch a domain to a Twilio-managed certificate (Let's Encrypt), if CAA allows it",
            List.of("request-managed --domain-sid DN… [--twilio-base-url URL] [--resolver IP[:PORT]] [--json]"),
            """
            Reads the domain's host from Twilio (domain_name), checks its CAA records for letsencrypt.org, and only
            when they permit it calls RequestManagedCert. Twilio then obtains and renews the certificate itself, which
            Twilio recommends. A domain that is already Twilio-managed is left as it is.

            %s

            Exit status: 0 requested (or already managed), 1 refused because CAA denies Let's Encrypt, 3 refused
            because the CAA records could not be read, 2 usage error, 4 Twilio could not be reached or refused.
            """.formatted(CommonOptions.CREDENTIALS_HELP),
            List.of(DOMAIN_SID, CommonOptions.TWILIO_BASE_URL, CommonOptions.RESOLVER), 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** What happened, for the output. */
    private sealed interface Outcome {
        record AlreadyManaged(boolean requesting) implements Outcome {
        }

        record Refused(CaaCheck caa) implements Outcome {
        }

        record Requested(CaaCheck caa, DomainCertificate after) implements Outcome {
        }
    }

    @Override
    public ExitCode run(Invocation invocation) {
        DomainSid sid = CommonOptions.domainSid("--domain-sid", invocation.args().required(DOMAIN_SID.name()));
        TwilioDomains twilio = new TwilioHttpClient(
                TwilioClientSettings.defaults(CommonOptions.twilioBaseUri(invocation)), CommonOptions.credentials(invocation));
        CaaChecker caa = CaaChecker.forLetsEncrypt(new DnsjavaCaaLookup(CommonOptions.dns(invocation)));

        DomainCertificate before = twilio.fetchCertificate(sid);
        String host = before.hostname().orElseThrow(() -> new CommandFailure("Twilio reports no domain_name for " + sid
                + ", so its CAA records cannot be checked; nothing was requested", ExitCode.FAILURE, null));
        Outcome outcome = decide(twilio, caa, sid, host, before);
        report(invocation.output(), sid, host, outcome);
        return switch (outcome) {
            case Outcome.AlreadyManaged a -> ExitCode.OK;
            case Outcome.Requested r -> ExitCode.OK;
            case Outcome.Refused r -> r.caa().decision() instanceof CaaDecision.Indeterminate ? ExitCode.INDETERMINATE
                    : ExitCode.PROBLEM;
        };
    }

    private static Outcome decide(TwilioDomains twilio, CaaChecker caa, DomainSid sid, String host,
            DomainCertificate before) {
        if (before.managed().orElse(false)) {
            return new Outcome.AlreadyManaged(before.requesting().orElse(false));
        }
        CaaCheck check;
        try {
            check = caa.check(host, false);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("Twilio's domain_name for " + sid + " is not a host whose CAA records can be "
                    + "checked (" + e.getMessage() + "); nothing was requested", ExitCode.FAILURE, e);
        }
        if (!(check.decision() instanceof CaaDecision.Permitted)) {
            return new Outcome.Refused(check);
        }
        return new Outcome.Requested(check, twilio.requestManagedCertificate(sid));
    }

    private static void report(Output output, DomainSid sid, String host, Outcome outcome) {
        String issuer = CaaChecker.LETS_ENCRYPT;
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domainSid", sid.value());
            json.put("host", host);
            json.put("requested", outcome instanceof Outcome.Requested);
            switch (outcome) {
                case Outcome.AlreadyManaged a -> {
                    json.put("reason", a.requesting() ? "a managed certificate request is already in progress"
                            : "the domain already has a Twilio-managed certificate");
                    json.put("caa", null);
                }
                case Outcome.Refused r -> {
                    json.put("reason", "CAA: " + CaaView.reason(r.caa(), issuer));
                    json.put("caa", CaaView.json(r.caa(), issuer));
                }
                case Outcome.Requested r -> {
                    json.put("reason", "CAA permits " + issuer);
                    json.put("caa", CaaView.json(r.caa(), issuer));
                    json.put("managed", r.after().managed().orElse(null));
                    json.put("requesting", r.after().requesting().orElse(null));
                }
            }
            output.document(json);
            return;
        }
        String subject = host + " (" + sid + "): ";
        switch (outcome) {
            case Outcome.AlreadyManaged a -> output.line(subject + (a.requesting()
                    ? "a managed certificate request is already in progress; nothing to do"
                    : "already has a Twilio-managed certificate; nothing to do"));
            case Outcome.Refused r -> {
                output.line(subject + "NOT requested: Let's Encrypt could not issue for it ("
                        + CaaView.decision(r.caa().decision()) + ").");
                output.line("CAA: " + CaaView.reason(r.caa(), issuer));
                output.line("Allow it with a record such as  " + host + ". CAA 0 issue \"" + issuer + "\"  (at the name"
                        + " where the CAA records live), or fix the DNS failure, then run this again.");
            }
            case Outcome.Requested r -> {
                output.line(subject + "requested a Twilio-managed certificate. Twilio now reports managed="
                        + r.after().managed().map(String::valueOf).orElse("?") + ", requesting="
                        + r.after().requesting().map(String::valueOf).orElse("?") + ".");
                output.line("CAA: " + CaaView.reason(r.caa(), issuer));
                output.line("Twilio obtains the certificate from Let's Encrypt; ./certguard scan shows when it is live.");
            }
        }
    }
}
