package io.certguard.secret;

import java.util.Map;

/** Reads secrets: Twilio credentials and certificate bundles (Secrets Manager in AWS). */
public interface SecretSource {

    /**
     * Reads one version. A caller that just moved labels must name the stage ({@code AWSCURRENT}) or the version id
     * rather than rely on the default: the default is only "AWSCURRENT" by convention.
     *
     * @param secretId  name or ARN
     * @param selector  which version to read
     * @throws SecretNotFoundException when the secret or that version does not exist
     * @throws SecretAccessException   when it could not be read for any other reason
     */
    SecretVersion read(String secretId, VersionSelector selector);

    /**
     * Describes a secret without reading its value: tags, rotation, and the staging labels of its versions.
     *
     * @throws SecretNotFoundException when the secret does not exist
     * @throws SecretAccessException   when it could not be described for any other reason
     */
    SecretDescription describe(String secretId);

    /** The secret's tags (for example {@code certguard:domain-sid}). */
    default Map<String, String> tags(String secretId) {
        return describe(secretId).tags();
    }
}
