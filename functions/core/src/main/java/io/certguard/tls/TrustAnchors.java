package io.certguard.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The root certificates a chain may end at, indexed by subject name so that path building finds a certificate's
 * trusted issuer in one lookup. Built once and shared: immutable, hence safe across threads.
 */
public final class TrustAnchors {

    private final Map<X500Principal, List<TrustAnchor>> bySubject;

    private TrustAnchors(Collection<X509Certificate> roots) {
        this.bySubject = roots.stream()
                .distinct()
                .collect(Collectors.groupingBy(X509Certificate::getSubjectX500Principal,
                        Collectors.mapping(root -> new TrustAnchor(root, null), Collectors.toUnmodifiableList())));
    }

    /** Exactly these roots (tests trust their own generated root this way). */
    public static TrustAnchors of(Collection<X509Certificate> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        return new TrustAnchors(roots);
    }

    /**
     * The roots the JDK trusts by default: its {@code cacerts}, or the store named by {@code javax.net.ssl.trustStore}.
     * Loading takes tens of milliseconds; do it once.
     */
    public static TrustAnchors jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return of(Arrays.asList(x509.getAcceptedIssuers()));
                }
            }
            throw new IllegalStateException("the JDK's default trust manager factory offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK's default trust store: " + e.getMessage(), e);
        }
    }

    /** Anchors whose certificate has {@code subject}; usually none or one. */
    List<TrustAnchor> withSubject(X500Principal subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** How many root certificates are trusted. */
    public int size() {
        return bySubject.values().stream().mapToInt(List::size).sum();
    }
}
