package io.certguard.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** A Lambda context for one invocation: the remaining time runs down from the function's timeout. */
final class BenchContext implements Context {

    private final long deadlineNanos;

    BenchContext(long timeoutMillis) {
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public String getAwsRequestId() {
        return "cold-start-bench";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/certguard-bench";
    }

    @Override
    public String getLogStreamName() {
        return "cold-start";
    }

    @Override
    public String getFunctionName() {
        return "certguard-bench";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:certguard-bench:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
