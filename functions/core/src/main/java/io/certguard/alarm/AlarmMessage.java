package io.certguard.alarm;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An alarm rendered for its channels. SNS delivers {@code email} to email subscribers and {@code sms} to phones when
 * published with {@code MessageStructure=json}; {@code defaultText} goes to every other protocol.
 *
 * @param subject     email subject: under 100 characters, printable ASCII only (SNS Publish API limits)
 * @param defaultText the plain text for other protocols
 * @param emailText   the full text for email
 * @param smsText     at most 140 characters (one SMS segment of 140 bytes)
 * @param attributes  message attributes for subscription filter policies (error_code, alarm_type, severity, …)
 */
public record AlarmMessage(String subject, String defaultText, String emailText, String smsText,
        Map<String, String> attributes) {

    public static final int MAX_SUBJECT = 99;
    public static final int MAX_SMS = 140;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");

    public AlarmMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(emailText, "emailText");
        Objects.requireNonNull(smsText, "smsText");
        Objects.requireNonNull(attributes, "attributes");
        if (subject.length() > MAX_SUBJECT || !PRINTABLE_ASCII.matcher(subject).matches()) {
            throw new IllegalArgumentException("alarm subject must be 1 to " + MAX_SUBJECT
                    + " printable ASCII characters without line breaks: \"" + subject + "\"");
        }
        if (smsText.isEmpty() || smsText.length() > MAX_SMS) {
            throw new IllegalArgumentException("SMS text must be 1 to " + MAX_SMS + " characters, was " + smsText.length());
        }
        if (defaultText.isBlank() || emailText.isBlank()) {
            throw new IllegalArgumentException("alarm default and email texts must not be blank");
        }
        attributes.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null || v.isBlank()) {
                throw new IllegalArgumentException("alarm attribute names and values must not be blank: " + k);
            }
        });
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }
}
