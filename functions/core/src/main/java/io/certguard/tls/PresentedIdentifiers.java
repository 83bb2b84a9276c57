package io.certguard.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The names a certificate presents for itself (RFC 6125 §1.8 "presented identifiers"): subjectAltName dNSName and
 * iPAddress entries, and the subject's common name, which counts only for certificates without any dNSName.
 *
 * @param dnsNames    subjectAltName dNSName values as written (may include wildcards such as {@code *.example.com})
 * @param ipAddresses subjectAltName iPAddress values in text form
 * @param commonName  the most specific (last) CN of the subject, as the JDK's own host name checker picks it
 */
public record PresentedIdentifiers(List<String> dnsNames, List<String> ipAddresses, Optional<String> commonName) {

    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;

    public PresentedIdentifiers {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(commonName, "commonName");
    }

    /** Names given as plain lists, for table tests and for callers that already hold them. */
    public static PresentedIdentifiers of(List<String> dnsNames, List<String> ipAddresses,
            Optional<String> commonName) {
        return new PresentedIdentifiers(dnsNames, ipAddresses, commonName);
    }

    /**
     * Reads the names of {@code certificate}. A subjectAltName extension that cannot be parsed yields no names at all
     * (not even the CN): falling back to the CN would let a broken extension widen what the certificate is good for.
     */
    public static PresentedIdentifiers of(X509Certificate certificate) {
        Collection<List<?>> entries;
        try {
            entries = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            return new PresentedIdentifiers(List.of(), List.of(), Optional.empty());
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        if (entries != null) {
            for (List<?> entry : entries) {
                int type = (Integer) entry.get(0);
                if (type == SAN_DNS_NAME) {
                    dns.add((String) entry.get(1));
                } else if (type == SAN_IP_ADDRESS) {
                    ips.add((String) entry.get(1));
                }
            }
        }
        return new PresentedIdentifiers(dns, ips, commonName(certificate));
    }

    /** The names a client compares with a host: the DNS names (or the CN when there is none) and the IP addresses. */
    public List<String> presented() {
        List<String> names = new ArrayList<>(dnsNames.isEmpty() ? commonName.stream().toList() : dnsNames);
        names.addAll(ipAddresses);
        return names;
    }

    /** For messages: what the certificate is for, e.g. {@code DNS names [a.example.com, *.example.net]}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!dnsNames.isEmpty()) {
            parts.add("DNS names " + dnsNames);
        }
        if (!ipAddresses.isEmpty()) {
            parts.add("IP addresses " + ipAddresses);
        }
        if (dnsNames.isEmpty()) {
            commonName.ifPresent(cn -> parts.add("common name " + cn + " (no DNS names)"));
        }
        return parts.isEmpty() ? "no names" : String.join(" and ", parts);
    }

    /**
     * The last CN of the subject, when it is readable text. A CN whose bytes do not decode (a UTF8String holding
     * invalid UTF-8, which the JDK's parser lets through) names nothing a client could match, so it is no name; it must
     * not throw, since the certificate may come from a hostile secret or server.
     */
    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            RDN[] cns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            if (cns.length == 0) {
                return Optional.empty();
            }
            ASN1Encodable value = cns[cns.length - 1].getFirst().getValue();
            return value instanceof ASN1String text ? Optional.of(text.getString()) : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException undecodable) {
            return Optional.empty();
        }
    }
}
