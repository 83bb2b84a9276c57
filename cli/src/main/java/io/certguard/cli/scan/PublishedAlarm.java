package io.certguard.cli.scan;

import io.certguard.alarm.AlarmMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An alarm that went out during this run, and the channel's message id. */
public record PublishedAlarm(AlarmMessage message, String messageId) {

    public PublishedAlarm {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageId, "messageId");
    }

    public String attribute(String name) {
        return message.attributes().getOrDefault(name, "");
    }

    /** {@code {"alarmType","severity","errorCode","domain","domainSid","subject","sms"}}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alarmType", attribute("alarm_type"));
        json.put("severity", attribute("severity"));
        json.put("errorCode", attribute("error_code"));
        json.put("domain", attribute("domain"));
        json.put("domainSid", attribute("domain_sid"));
        json.put("subject", message.subject());
        json.put("sms", message.smsText());
        return json;
    }
}
