package io.certguard.scan;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.config.ConfigurationException;
import io.certguard.config.EnvironmentVariables;
import io.certguard.domain.DomainList;
import io.certguard.domain.MonitoredDomain;
import io.certguard.wiring.CommonSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only place the scan function reads its environment and builds its adapters. SDK clients are built at init, once
 * per container; Twilio credentials are read on first use (never baked into a SnapStart snapshot).
 */
public final class ScanWiring {

    public static final String DOMAINS = "DOMAINS";
    public static final String DNS_RESOLVERS = "DNS_RESOLVERS";
    public static final String SCAN_CONCURRENCY = "SCAN_CONCURRENCY";

    /** Every variable the scan function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.addAll(Set.of(DOMAINS, DNS_RESOLVERS, SCAN_CONCURRENCY));
        VARIABLES = Set.copyOf(names);
    }

    private final CommonSettings common;
    private final List<MonitoredDomain> domains;
    private final AwsClients aws;

    private ScanWiring(CommonSettings common, List<MonitoredDomain> domains, AwsClients aws) {
        this.common = common;
        this.domains = domains;
        this.aws = aws;
    }

    public static ScanWiring fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        CommonSettings common = CommonSettings.from(env);
        List<MonitoredDomain> domains;
        try {
            domains = DomainList.parse(env.optional(DOMAINS).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        return new ScanWiring(common, domains, new AwsClients());
    }

    public List<MonitoredDomain> domains() {
        return domains;
    }

    public CertificateSurvey survey() {
        return new CertificateSurvey(common.twilio(common.secrets(aws)));
    }
}
