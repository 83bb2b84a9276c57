package io.certguard.twilio;

import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How certguard authenticates to Twilio: HTTP Basic with an API key ({@code SK…} and its secret; recommended) or with
 * the account SID and auth token (https://www.twilio.com/docs/usage/requests-to-twilio). The secret half never
 * appears in {@link #toString()}, an exception message or a log.
 */
public final class TwilioCredentials {

    private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
    private static final Pattern API_KEY_SID = Pattern.compile("^SK[0-9a-fA-F]{32}$");

    private final String accountSid;
    private final String username;
    private final String password;

    private TwilioCredentials(String accountSid, String username, String password) {
        this.accountSid = accountSid;
        this.username = username;
        this.password = password;
    }

    public static TwilioCredentials apiKey(String accountSid, String apiKeySid, String apiKeySecret) {
        requireSid(accountSid, ACCOUNT_SID, "accountSid", "AC");
        requireSid(apiKeySid, API_KEY_SID, "apiKeySid", "SK");
        requireSecret(apiKeySecret, "apiKeySecret");
        return new TwilioCredentials(accountSid, apiKeySid, apiKeySecret);
    }

    public static TwilioCredentials authToken(String accountSid, String authToken) {
        requireSid(accountSid, ACCOUNT_SID, "accountSid", "AC");
        requireSecret(authToken, "authToken");
        return new TwilioCredentials(accountSid, accountSid, authToken);
    }

    /**
     * Reads a credentials secret: {@code {"accountSid","apiKeySid","apiKeySecret"}} or {@code {"accountSid","authToken"}}.
     *
     * @throws IllegalArgumentException naming the missing or malformed field (never its value)
     */
    public static TwilioCredentials fromSecretJson(String secretJson) {
        JsonObject json;
        try {
            json = Json.parseObject(secretJson);
        } catch (JsonFormatException e) {
            // The parser's message may quote a character of the secret; say only that it is not JSON.
            throw new IllegalArgumentException("Twilio credentials secret is not a JSON object "
                    + "({\"accountSid\",\"apiKeySid\",\"apiKeySecret\"} or {\"accountSid\",\"authToken\"})");
        }
        try {
            String accountSid = json.optionalString("accountSid").orElseThrow(
                    () -> new IllegalArgumentException("Twilio credentials secret has no \"accountSid\""));
            Optional<String> keySid = json.optionalString("apiKeySid");
            if (keySid.isPresent()) {
                return apiKey(accountSid, keySid.get(), json.optionalString("apiKeySecret").orElseThrow(
                        () -> new IllegalArgumentException("Twilio credentials secret has \"apiKeySid\" but no \"apiKeySecret\"")));
            }
            return authToken(accountSid, json.optionalString("authToken").orElseThrow(() -> new IllegalArgumentException(
                    "Twilio credentials secret needs \"apiKeySid\" and \"apiKeySecret\", or \"authToken\"")));
        } catch (JsonFormatException e) {
            throw new IllegalArgumentException("Twilio credentials secret: " + e.getMessage());
        }
    }

    /**
     * Reads {@code TWILIO_ACCOUNT_SID} with {@code TWILIO_API_KEY} and {@code TWILIO_API_SECRET}, or with
     * {@code TWILIO_AUTH_TOKEN} (the command line's source).
     */
    public static TwilioCredentials fromEnvironment(Map<String, String> env) {
        String accountSid = env.get("TWILIO_ACCOUNT_SID");
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalArgumentException("TWILIO_ACCOUNT_SID is not set");
        }
        String key = env.get("TWILIO_API_KEY");
        if (key != null && !key.isBlank()) {
            String secret = env.get("TWILIO_API_SECRET");
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("TWILIO_API_KEY is set but TWILIO_API_SECRET is not");
            }
            return apiKey(accountSid.strip(), key.strip(), secret.strip());
        }
        String token = env.get("TWILIO_AUTH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "set TWILIO_API_KEY and TWILIO_API_SECRET (recommended), or TWILIO_AUTH_TOKEN, beside TWILIO_ACCOUNT_SID");
        }
        return authToken(accountSid.strip(), token.strip());
    }

    public String accountSid() {
        return accountSid;
    }

    /** The Basic-auth user: the API key SID, or the account SID with an auth token. */
    public String username() {
        return username;
    }

    public boolean usesApiKey() {
        return !username.equals(accountSid);
    }

    /** The value of an {@code Authorization} header. Callers must not log it. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void requireSid(String value, Pattern pattern, String field, String prefix) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + prefix + " followed by 32 hex digits");
        }
    }

    private static void requireSecret(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
    }

    @Override
    public String toString() {
        return "TwilioCredentials[account=" + accountSid + ", user=" + username + ", secret=redacted]";
    }
}
