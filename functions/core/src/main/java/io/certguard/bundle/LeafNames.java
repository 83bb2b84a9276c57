package io.certguard.bundle;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The names a certificate presents to a client (RFC 6125 §6.4): its DNS and IP-address subject alternative names,
 * and its subject common name, which counts only when there is no DNS name (§6.4.4).
 *
 * @param commonName the most specific (last) CN of the subject, when there is one
 */
record LeafNames(List<String> dnsNames, List<String> ipAddresses, Optional<String> commonName) {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    LeafNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(commonName, "commonName");
    }

    static LeafNames of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            alternatives = null; // the JDK parsed the certificate, so this does not happen; treat as no SAN
        }
        if (alternatives != null) {
            for (List<?> name : alternatives) {
                if (name.get(0) instanceof Integer type && name.get(1) instanceof String value) {
                    if (type == DNS_NAME) {
                        dns.add(value);
                    } else if (type == IP_ADDRESS) {
                        ips.add(value);
                    }
                }
            }
        }
        return new LeafNames(dns, ips, commonName(certificate));
    }

    /** The names a client compares with the host: DNS and IP names, or the CN when there is no DNS name. */
    List<String> presented() {
        List<String> names = new ArrayList<>(dnsNames);
        if (dnsNames.isEmpty()) {
            commonName.ifPresent(names::add);
        }
        names.addAll(ipAddresses);
        return names;
    }

    boolean covers(String host) {
        return dnsNames.isEmpty()
                ? commonName.filter(cn -> DnsNameMatcher.matches(cn, host)).isPresent()
                : dnsNames.stream().anyMatch(name -> DnsNameMatcher.matches(name, host));
    }

    /** The presented names that are not exactly {@code host}: other names, or a wildcard that also covers it. */
    List<String> beyond(String host) {
        return presented().stream()
                .filter(name -> !name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "").equals(host))
                .toList();
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        RDN[] cns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = cns[cns.length - 1].getFirst().getValue();
        return value instanceof ASN1String s ? Optional.of(s.getString()) : Optional.empty();
    }
}
