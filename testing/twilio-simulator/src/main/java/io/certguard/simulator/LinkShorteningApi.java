package io.certguard.simulator;

import io.certguard.domain.DomainSid;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stateful part of the simulator: routes an authenticated request to the Link Shortening operation it names
 * (twilio_messaging_v1.json and v2.json) and answers from the domains' state. Only the operations certguard calls are
 * played; the spec's others (DELETE Certificate, POST Config, Messaging Service associations) answer 405.
 * Thread-safe: every request and every change runs under this object's lock.
 */
final class LinkShorteningApi {

    private static final System.Logger LOG = System.getLogger(LinkShorteningApi.class.getName());
    private static final Pattern DOMAIN_RESOURCE = Pattern.compile("^/(v1|v2)/LinkShortening/Domains/([^/]+)/([A-Za-z]+)$");

    private final Clock clock;
    private final Map<String, DomainState> domains = new HashMap<>();
    private URI baseUri = URI.create("http://127.0.0.1");
    private boolean v2Served = true;

    LinkShorteningApi(Clock clock) {
        this.clock = clock;
    }

    /** The base of the {@code url} fields: the simulator's own address, so a client following them stays offline. */
    synchronized void baseUri(URI uri) {
        baseUri = uri;
    }

    synchronized void put(SimulatedDomain domain) {
        domains.put(domain.sid().value(), new DomainState(domain, clock.instant()));
    }

    synchronized void serveV2(boolean served) {
        v2Served = served;
    }

    synchronized Optional<String> lastAcceptedTlsCert(DomainSid sid) {
        DomainState state = domains.get(sid.value());
        return state == null ? Optional.empty() : state.lastAcceptedPem();
    }

    synchronized SimResponse handle(RecordedRequest request) {
        Matcher m = DOMAIN_RESOURCE.matcher(request.path());
        if (!m.matches() || (m.group(1).equals("v2") && !v2Served)) {
            return TwilioErrors.notFound(request.path());
        }
        String method = request.method();
        String url = baseUri + request.path();
        return switch (m.group(1) + "/" + m.group(3)) {
            case "v1/Certificate" -> switch (method) {
                case "GET" -> onDomain(m, request, state -> fetchCertificate(state, url, false));
                case "POST" -> onDomain(m, request, state -> upload(state, request, url));
                default -> TwilioErrors.methodNotAllowed(method);
            };
            case "v2/Certificate" -> method.equals("GET")
                    ? onDomain(m, request, state -> fetchCertificate(state, url, true))
                    : TwilioErrors.methodNotAllowed(method);
            case "v1/Config" -> method.equals("GET")
                    ? onDomain(m, request, state -> SimResponse.json(200, state.configResource(url)))
                    : TwilioErrors.methodNotAllowed(method);
            case "v1/ValidateDns" -> method.equals("GET")
                    ? onDomain(m, request, state -> SimResponse.json(200, state.dnsValidationResource(url)))
                    : TwilioErrors.methodNotAllowed(method);
            case "v1/RequestManagedCert" -> method.equals("POST")
                    ? onDomain(m, request, state -> requestManagedCert(state, url))
                    : TwilioErrors.methodNotAllowed(method);
            default -> TwilioErrors.notFound(request.path());
        };
    }

    private SimResponse onDomain(Matcher m, RecordedRequest request, Function<DomainState, SimResponse> operation) {
        DomainState state = domains.get(m.group(2));
        return state == null ? TwilioErrors.notFound(request.path()) : operation.apply(state);
    }

    private SimResponse fetchCertificate(DomainState state, String url, boolean v2) {
        state.observe(clock.instant());
        return SimResponse.json(200, state.certificateResource(url, v2));
    }

    /** The spec answers 201 ("create") for a domain's first certificate and 200 ("update") for a replacement. */
    private SimResponse upload(DomainState state, RecordedRequest request, String url) {
        Optional<String> tlsCert = request.formField("TlsCert");
        if (tlsCert.isEmpty()) {
            return TwilioErrors.badRequest("Missing required parameter TlsCert in the post body");
        }
        TlsCertBundle bundle;
        try {
            bundle = TlsCertBundle.parse(tlsCert.get());
        } catch (TlsCertBundle.InvalidTlsCertException e) {
            LOG.log(System.Logger.Level.INFO, "rejected TlsCert upload #{0} to {1}: {2}", request.sequence(),
                    request.path(), e.getMessage());
            return TwilioErrors.certificateRejected();
        }
        int status = state.hasCertificate() ? 200 : 201;
        state.upload(bundle, tlsCert.get(), clock.instant());
        return SimResponse.json(status, state.certificateResource(url, false));
    }

    private SimResponse requestManagedCert(DomainState state, String url) {
        int status = state.hasCertificate() ? 200 : 201;
        state.requestManaged(clock.instant());
        return SimResponse.json(status, state.managedCertResource(url));
    }
}
