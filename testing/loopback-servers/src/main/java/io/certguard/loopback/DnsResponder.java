package io.certguard.loopback;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Turns one query into the wire response {@link LoopbackDnsServer} sends, applying the scripted faults. */
final class DnsResponder {

    /** RFC 1035 §4.2.1: without EDNS a UDP message carries at most 512 octets. */
    static final int PLAIN_UDP_LIMIT = 512;

    /**
     * RFC 1035 §4.2.2: over TCP a message is prefixed by its length in two octets, so it carries at most 65,535; a
     * larger answer (a huge CAA RRset) is truncated with the TC bit there too, as UDP answers are.
     */
    static final int TCP_LIMIT = 65_535;

    /** The UDP payload size this server advertises (DNS Flag Day 2020). */
    static final int ADVERTISED_UDP_PAYLOAD = 1232;

    /** The question a {@link DnsFault#WRONG_QUESTION} answer claims to answer. */
    static final Name WRONG_NAME = Name.fromConstantString("wrong-question.invalid.");

    /** A fault for every type of a name is keyed with this type, which no query asks for. */
    static final int ANY_TYPE = -1;

    private final DnsZone zone;
    private final Map<FaultKey, DnsFault> faults = new ConcurrentHashMap<>();

    private record FaultKey(Name name, int type) {
    }

    DnsResponder(DnsZone zone) {
        this.zone = zone;
    }

    void fault(Name name, int type, DnsFault fault) {
        faults.put(new FaultKey(name, type), fault);
    }

    /** The bytes to send back, or empty to stay silent. */
    Optional<byte[]> respond(Message query, DnsQuery.Transport transport) {
        Record question = query.getQuestion();
        DnsFault fault = faults.getOrDefault(new FaultKey(question.getName(), question.getType()),
                faults.get(new FaultKey(question.getName(), ANY_TYPE)));
        Message response = replyTo(query);
        if (fault != null) {
            switch (fault) {
                case NO_RESPONSE -> {
                    return Optional.empty();
                }
                case SERVFAIL -> response.getHeader().setRcode(Rcode.SERVFAIL);
                case REFUSED -> response.getHeader().setRcode(Rcode.REFUSED);
                case NOTIMP -> response.getHeader().setRcode(Rcode.NOTIMP);
                case TRUNCATE_ALWAYS -> response.getHeader().setFlag(Flags.TC);
                case WRONG_QUESTION -> {
                    response.removeAllRecords(Section.QUESTION);
                    response.addRecord(Record.newRecord(WRONG_NAME, question.getType(), question.getDClass()),
                            Section.QUESTION);
                }
                case TRUNCATE_UDP -> {
                    if (transport == DnsQuery.Transport.UDP) {
                        response.getHeader().setFlag(Flags.TC);
                    } else {
                        answer(response, question);
                    }
                }
            }
            return Optional.of(response.toWire());
        }
        answer(response, question);
        byte[] wire = response.toWire();
        int limit = transport == DnsQuery.Transport.UDP ? udpLimit(query) : TCP_LIMIT;
        if (wire.length > limit) {
            // RFC 2181 §9: what does not fit is not sent; the TC bit tells the client to ask again over TCP (and, over
            // TCP, that no transport will carry it).
            Message truncated = replyTo(query);
            truncated.getHeader().setFlag(Flags.TC);
            return Optional.of(truncated.toWire());
        }
        return Optional.of(wire);
    }

    private void answer(Message response, Record question) {
        DnsZone.Resolution resolution = zone.resolve(question.getName(), question.getType());
        response.getHeader().setRcode(resolution.rcode());
        resolution.answer().forEach(r -> response.addRecord(r, Section.ANSWER));
    }

    /** An empty response to {@code query}: same id and question, recursion available, EDNS when the query had it. */
    private static Message replyTo(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(query.getQuestion(), Section.QUESTION);
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(ADVERTISED_UDP_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        return response;
    }

    /** RFC 6891 §6.2.5: the requestor's advertised payload size, never below 512. */
    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize());
    }
}
