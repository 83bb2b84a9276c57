package io.certguard.testing;

import io.certguard.adapter.aws.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * certguard's AWS resources in the emulator, created from template.yaml under unique names: the state table, the
 * alarm topic with an SQS inbox subscribed, and the Twilio credentials secret.
 */
public final class AwsStack {

    private final AwsClients aws;
    private final String table;
    private final String topicArn;
    private final String credentialsSecret;
    private final SqsInbox inbox;

    private AwsStack(AwsClients aws, String table, String topicArn, String credentialsSecret, SqsInbox inbox) {
        this.aws = aws;
        this.table = table;
        this.topicArn = topicArn;
        this.credentialsSecret = credentialsSecret;
        this.inbox = inbox;
    }

    public static AwsStack create(AwsClients aws, SqsClient sqs, String credentialsJson) {
        TemplateResources resources = TemplateResources.fromProject();
        String table = AwsEmulator.uniqueName("state");
        resources.createStateTable(aws.dynamoDb(), table);
        String topicArn = resources.createAlarmTopic(aws.sns(), AwsEmulator.uniqueName("alarms"));
        String secret = AwsEmulator.uniqueName("twilio/credentials");
        aws.secretsManager().createSecret(b -> b.name(secret).secretString(credentialsJson));
        return new AwsStack(aws, table, topicArn, secret, SqsInbox.subscribe(sqs, aws.sns(), topicArn));
    }

    public AwsClients aws() {
        return aws;
    }

    public String table() {
        return table;
    }

    public String topicArn() {
        return topicArn;
    }

    public SqsInbox inbox() {
        return inbox;
    }

    /** STATE_TABLE, ALARM_TOPIC_ARN, TWILIO_CREDENTIALS_SECRET and the defaults of the other Globals. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STATE_TABLE", table);
        env.put("ALARM_TOPIC_ARN", topicArn);
        env.put("TWILIO_CREDENTIALS_SECRET", credentialsSecret);
        env.put("ALARM_THRESHOLDS_DAYS", "30,14,7,3,1");
        env.put("CERTIFICATE_SECRET_PREFIX", "certguard/");
        return env;
    }
}
