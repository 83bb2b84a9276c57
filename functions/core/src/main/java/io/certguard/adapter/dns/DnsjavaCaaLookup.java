package io.certguard.adapter.dns;

import io.certguard.caa.CaaLookup;
import io.certguard.caa.CaaRecord;
import io.certguard.caa.LookupFailure;
import io.certguard.caa.NameLookup;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up CAA records with dnsjava, asking recursive resolvers (the system's or {@code DNS_RESOLVERS}).
 *
 * <p>A resolver follows aliases and returns the CNAME chain followed by the records of its end (RFC 1034 §4.3.2;
 * DNAMEs arrive as synthesised CNAMEs). RFC 8659 §3 takes the CAA RRset of a name to be the one at the end of that
 * chain, so this adapter follows the chain inside the answer and reports where it ended. Like Boulder, it relies on
 * the resolver to chase the chain and does not climb the tree from an alias target.
 */
public final class DnsjavaCaaLookup implements CaaLookup {

    private final DnsExchange exchange;

    public DnsjavaCaaLookup(DnsSettings settings) {
        this.exchange = new DnsExchange(settings);
    }

    @Override
    public NameLookup lookup(String name) {
        Name queried = absolute(name);
        DnsExchange.Outcome outcome = exchange.ask(queried, Type.CAA);
        if (outcome instanceof DnsExchange.Outcome.Failed failed) {
            return new NameLookup.Failed(name, failed.failure(), failed.message());
        }
        DnsExchange.Outcome.Answered answered = (DnsExchange.Outcome.Answered) outcome;
        Message response = answered.response();
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return new NameLookup.Failed(name, failureFor(rcode), answered.resolver().getAddress().getHostAddress()
                    + ":" + answered.resolver().getPort() + " answered " + Rcode.string(rcode) + " for "
                    + name + "/CAA");
        }
        List<Record> answer = response.getSection(Section.ANSWER);
        Set<Name> chain = new LinkedHashSet<>(List.of(queried));
        Name owner = queried;
        for (Optional<Name> target = aliasTarget(answer, owner); target.isPresent();
                target = aliasTarget(answer, owner)) {
            if (!chain.add(target.get())) {
                return new NameLookup.Failed(name, LookupFailure.CNAME_LOOP, "the CNAMEs of " + name + " loop: "
                        + chain.stream().map(DnsjavaCaaLookup::text).collect(Collectors.joining(" -> "))
                        + " -> " + text(target.get()));
            }
            owner = target.get();
        }
        List<CaaRecord> records = caaRecordsOf(answer, owner);
        if (!records.isEmpty()) {
            return new NameLookup.Found(name, text(owner), records);
        }
        // NXDOMAIN after a CNAME is about the alias target: the queried name itself exists.
        return new NameLookup.Empty(name, rcode == Rcode.NXDOMAIN && owner.equals(queried));
    }

    private static Optional<Name> aliasTarget(List<Record> answer, Name owner) {
        return answer.stream().filter(r -> r instanceof CNAMERecord && r.getName().equals(owner))
                .map(r -> ((CNAMERecord) r).getTarget()).findFirst();
    }

    /** The CAA records owned by {@code owner}, values kept whole: one character per octet. */
    private static List<CaaRecord> caaRecordsOf(List<Record> answer, Name owner) {
        return answer.stream().filter(r -> r instanceof CAARecord && r.getName().equals(owner))
                .map(r -> (CAARecord) r)
                .map(caa -> new CaaRecord(caa.getFlags(), caa.getTag(),
                        new String(caa.getValueAsByteArray(), StandardCharsets.ISO_8859_1)))
                .toList();
    }

    private static LookupFailure failureFor(int rcode) {
        return switch (rcode) {
            case Rcode.SERVFAIL -> LookupFailure.SERVFAIL;
            case Rcode.REFUSED -> LookupFailure.REFUSED;
            default -> LookupFailure.OTHER_RCODE;
        };
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a DNS name: " + e.getMessage(), e);
        }
    }

    private static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
