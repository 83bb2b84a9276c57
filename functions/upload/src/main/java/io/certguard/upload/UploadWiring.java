package io.certguard.upload;

import io.certguard.config.EnvironmentVariables;
import io.certguard.wiring.CommonSettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The only place the upload function reads its environment. */
public final class UploadWiring {

    public static final String CERTIFICATE_SECRET_PREFIX = "CERTIFICATE_SECRET_PREFIX";

    /** Every variable the upload function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.add(CERTIFICATE_SECRET_PREFIX);
        VARIABLES = Set.copyOf(names);
    }

    private final CommonSettings common;
    private final String certificateSecretPrefix;

    private UploadWiring(CommonSettings common, String certificateSecretPrefix) {
        this.common = common;
        this.certificateSecretPrefix = certificateSecretPrefix;
    }

    public static UploadWiring fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        return new UploadWiring(CommonSettings.from(env), env.required(CERTIFICATE_SECRET_PREFIX));
    }

    public CommonSettings common() {
        return common;
    }

    public String certificateSecretPrefix() {
        return certificateSecretPrefix;
    }
}
