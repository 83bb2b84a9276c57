package io.certguard.cli.domains;

import io.certguard.cli.Arguments;
import io.certguard.cli.Command;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.Output;
import io.certguard.cli.UsageException;
import io.certguard.domain.DomainList;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.DomainRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code domains add|remove|list}: the domain registry in the state table, beside the DOMAINS parameter. */
public final class DomainsCommand implements Command {

    private static final Option TABLE = Option.value("table", "NAME",
            "the state table (default: STATE_TABLE; the stack's StateTable output)");
    private static final Option CREDENTIALS_SECRET = Option.value("credentials-secret", "NAME",
            "add: the Secrets Manager secret with this domain's Twilio credentials (another account or a subaccount)");

    private static final CommandSpec SPEC = new CommandSpec("domains",
            "Add, remove or list domains in the registry of the deployed state table",
            List.of("domains add DN…[=HOST[:PORT]] [--credentials-secret NAME] [--table NAME] [--json]",
                    "domains remove DN… [--table NAME] [--json]",
                    "domains list [--table NAME] [--json]"),
            """
            The deployed scan watches the domains of its DOMAINS parameter and those registered in its DynamoDB state
            table; this edits the registry, so a deployment can grow without a redeploy. HOST and PORT say where to
            probe the live certificate (default: Twilio's domain_name, port 443). A domain in DOMAINS stays watched
            when removed here. AWS credentials, region and endpoint come from the default chains (AWS_PROFILE,
            AWS_REGION, AWS_ENDPOINT_URL…).

            Exit status: 0 done, 1 remove of a domain that is not registered, 2 usage error, 4 AWS failed.
            """,
            List.of(TABLE, CREDENTIALS_SECRET), 1, 2);

    private final StateTables tables;

    public DomainsCommand(StateTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    public static DomainsCommand onDynamoDb() {
        return new DomainsCommand(StateTables.dynamoDb());
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** The three actions and their arguments, checked before AWS is called. */
    private sealed interface Action {
        record Add(MonitoredDomain domain) implements Action {
        }

        record Remove(DomainSid sid) implements Action {
        }

        record ListAll() implements Action {
        }
    }

    @Override
    public ExitCode run(Invocation invocation) {
        Action action = action(invocation.args());
        String table = invocation.optionOrEnv(TABLE.name(), "STATE_TABLE").orElseThrow(() -> new UsageException(
                "no state table: give --table NAME or set STATE_TABLE (the deployed stack's StateTable)"));
        Output output = invocation.output();
        return tables.withTable(table, store -> {
            DomainRegistry registry = new DomainRegistry(store);
            return switch (action) {
                case Action.Add add -> add(registry, add.domain(), table, output);
                case Action.Remove remove -> remove(registry, remove.sid(), table, output);
                case Action.ListAll list -> list(registry, table, output);
            };
        });
    }

    private static Action action(Arguments args) {
        List<String> words = args.positionals();
        String verb = words.getFirst();
        Optional<String> operand = words.size() > 1 ? Optional.of(words.get(1)) : Optional.empty();
        if (!verb.equals("add") && args.value(CREDENTIALS_SECRET.name()).isPresent()) {
            throw new UsageException("--credentials-secret goes with domains add");
        }
        return switch (verb) {
            case "add" -> {
                String entry = operand.orElseThrow(() -> new UsageException("domains add needs DN…[=HOST[:PORT]]"));
                MonitoredDomain parsed;
                try {
                    parsed = DomainList.parseEntry(entry.strip());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(Arguments.shown(entry) + ": " + e.getMessage(), e);
                }
                yield new Action.Add(new MonitoredDomain(parsed.sid(), parsed.host(), parsed.port(),
                        args.value(CREDENTIALS_SECRET.name()).map(String::strip).filter(s -> !s.isEmpty())));
            }
            case "remove" -> new Action.Remove(CommonOptions.domainSid("domains remove",
                    operand.orElseThrow(() -> new UsageException("domains remove needs the domain SID (DN…)"))));
            case "list" -> {
                if (operand.isPresent()) {
                    throw new UsageException("domains list takes no argument, found " + Arguments.shown(operand.get()));
                }
                yield new Action.ListAll();
            }
            default -> throw new UsageException("unknown action " + Arguments.shown(verb)
                    + "; the actions are add, remove and list");
        };
    }

    private static ExitCode add(DomainRegistry registry, MonitoredDomain domain, String table, Output output) {
        boolean replacing = registry.registered().stream().anyMatch(d -> d.sid().equals(domain.sid()));
        registry.register(domain);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("added", domainJson(domain));
            json.put("replaced", replacing);
            output.document(json);
        } else {
            output.line((replacing ? "updated " : "registered ") + describe(domain) + " in " + table);
        }
        return ExitCode.OK;
    }

    private static ExitCode remove(DomainRegistry registry, DomainSid sid, String table, Output output) {
        boolean removed = registry.remove(sid);
        if (output.json()) {
            output.document(Map.of("removed", removed, "domainSid", sid.value()));
        } else {
            output.line(removed ? "removed " + sid + " from the registry in " + table
                    : sid + " is not registered in " + table + "; nothing removed");
        }
        return removed ? ExitCode.OK : ExitCode.PROBLEM;
    }

    private static ExitCode list(DomainRegistry registry, String table, Output output) {
        List<MonitoredDomain> domains = registry.registered();
        if (output.json()) {
            output.document(Map.of("domains", domains.stream().map(DomainsCommand::domainJson).toList()));
        } else if (domains.isEmpty()) {
            output.line("no domains registered in " + table);
        } else {
            domains.forEach(d -> output.line(describe(d)));
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> domainJson(MonitoredDomain d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domainSid", d.sid().value());
        json.put("host", d.host().orElse(null));
        json.put("port", d.port());
        json.put("credentialsSecret", d.credentialsSecret().orElse(null));
        return json;
    }

    private static String describe(MonitoredDomain d) {
        return d.sid() + " " + d.host().map(h -> h + ":" + d.port()).orElse("(host from Twilio, port " + d.port() + ")")
                + d.credentialsSecret().map(s -> ", credentials in " + s).orElse("");
    }
}
