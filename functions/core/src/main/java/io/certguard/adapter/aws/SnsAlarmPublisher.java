package io.certguard.adapter.aws;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublishException;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes alarms to the SNS topic with {@code MessageStructure=json}: {@code default} for every protocol, {@code email}
 * for email subscribers and {@code sms} for phones (SNS Publish API). Message attributes carry the alarm's
 * classification so subscriptions can filter (for example SMS only for CRITICAL).
 */
public final class SnsAlarmPublisher implements AlarmPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlarmPublisher(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    @Override
    public String publish(AlarmMessage alarm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", alarm.defaultText());
        body.put("email", alarm.emailText());
        body.put("sms", alarm.smsText());
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        alarm.attributes().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        try {
            return sns.publish(b -> b.topicArn(topicArn)
                    .subject(alarm.subject())
                    .messageStructure("json")
                    .message(Json.write(body))
                    .messageAttributes(attributes)).messageId();
        } catch (SdkException e) {
            throw new AlarmPublishException("SNS topic " + topicArn + ": alarm \"" + alarm.subject()
                    + "\" not published: " + e.getMessage(), e);
        }
    }
}
