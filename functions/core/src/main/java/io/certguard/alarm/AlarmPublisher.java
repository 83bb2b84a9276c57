package io.certguard.alarm;

/** Delivers alarms to people (SNS email and SMS subscriptions in AWS; the console in the offline demo). */
public interface AlarmPublisher {

    /**
     * Publishes one alarm.
     *
     * @return the channel's message id
     * @throws AlarmPublishException when it was not published; the caller must not mark it as sent
     */
    String publish(AlarmMessage alarm);
}
