package io.certguard.loopback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The records {@link LoopbackDnsServer} serves, and how a recursive resolver would answer from them: CNAME chains are
 * followed within the answer, a name exists when it or a name below it holds records (an empty non-terminal answers
 * NOERROR with no data, RFC 8020), and any other name is NXDOMAIN.
 */
final class DnsZone {

    /** Longest alias chain followed before answering with what has been found, like a resolver's chain limit. */
    static final int MAX_CHAIN = 16;

    private final Map<Name, List<Record>> records = new HashMap<>();

    /** What resolving one question yields: the response code and the answer section. */
    record Resolution(int rcode, List<Record> answer) {
        Resolution {
            answer = List.copyOf(answer);
        }
    }

    synchronized void add(Record record) {
        List<Record> existing = records.computeIfAbsent(record.getName(), n -> new ArrayList<>());
        boolean addingAlias = record.getType() == Type.CNAME;
        boolean holdsAlias = existing.stream().anyMatch(r -> r.getType() == Type.CNAME);
        if (!existing.isEmpty() && (addingAlias || holdsAlias)) {
            throw new IllegalStateException(record.getName() + " cannot hold a CNAME and other records"
                    + " (RFC 1034 §3.6.2); it already holds " + existing);
        }
        existing.add(record);
    }

    /**
     * Resolves a question the way a recursive resolver does. A CNAME loop ends the chain where a name repeats; the
     * looping records are in the answer for the client to notice.
     */
    synchronized Resolution resolve(Name question, int type) {
        List<Record> answer = new ArrayList<>();
        Set<Name> visited = new HashSet<>();
        Name current = question;
        while (visited.add(current) && visited.size() <= MAX_CHAIN) {
            List<Record> here = records.getOrDefault(current, List.of());
            CNAMERecord alias = here.stream().filter(CNAMERecord.class::isInstance).map(CNAMERecord.class::cast)
                    .findFirst().orElse(null);
            if (alias == null || type == Type.CNAME) {
                here.stream().filter(r -> r.getType() == type).forEach(answer::add);
                return new Resolution(exists(current) ? Rcode.NOERROR : Rcode.NXDOMAIN, answer);
            }
            answer.add(alias);
            current = alias.getTarget();
        }
        return new Resolution(Rcode.NOERROR, answer);
    }

    private boolean exists(Name name) {
        return records.keySet().stream().anyMatch(owner -> owner.subdomain(name));
    }
}
