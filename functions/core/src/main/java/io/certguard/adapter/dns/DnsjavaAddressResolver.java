package io.certguard.adapter.dns;

import io.certguard.adapter.tls.AddressResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves host names to IPv4 addresses through the resolvers of {@code DNS_RESOLVERS}, with the same bounded
 * timeouts and retries as the CAA look-ups, so the scan's address look-ups follow the configured DNS rather than the
 * operating system's. IP literals are returned without a query.
 */
public final class DnsjavaAddressResolver implements AddressResolver {

    private final DnsExchange exchange;

    public DnsjavaAddressResolver(DnsSettings settings) {
        this.exchange = new DnsExchange(settings);
    }

    @Override
    public InetAddress resolve(String host) throws UnknownHostException {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
            return InetAddress.getByName(host); // a literal: parsed, never looked up
        }
        Name queried;
        try {
            queried = Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            throw new UnknownHostException(host + " is not a DNS name: " + e.getMessage());
        }
        DnsExchange.Outcome outcome = exchange.ask(queried, Type.A);
        if (outcome instanceof DnsExchange.Outcome.Failed failed) {
            throw new UnknownHostException(failed.message());
        }
        Message response = ((DnsExchange.Outcome.Answered) outcome).response();
        if (response.getRcode() != Rcode.NOERROR) {
            throw new UnknownHostException(host + ": " + Rcode.string(response.getRcode()));
        }
        List<Record> answer = response.getSection(Section.ANSWER);
        Name owner = queried;
        Set<Name> seen = new LinkedHashSet<>(List.of(queried));
        while (true) {
            for (Record record : answer) {
                if (record instanceof ARecord a && a.getName().equals(owner)) {
                    return InetAddress.getByAddress(host, a.getAddress().getAddress());
                }
            }
            Name next = null;
            for (Record record : answer) {
                if (record instanceof CNAMERecord c && c.getName().equals(owner)) {
                    next = c.getTarget();
                }
            }
            if (next == null || !seen.add(next)) {
                throw new UnknownHostException(host + ": no A record" + (next == null ? "" : " (CNAME loop)"));
            }
            owner = next;
        }
    }
}
