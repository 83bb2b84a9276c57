package io.certguard.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Lambda {@link Context} whose remaining time the test decides: fixed, computed, or running down in real time from
 * a budget like an invocation's (for handlers that must stop starting work before their deadline).
 */
public final class TestLambdaContext implements Context {

    private final Supplier<Duration> remaining;

    public TestLambdaContext(Supplier<Duration> remaining) {
        this.remaining = remaining;
    }

    /** Always {@code remaining} left. */
    public static TestLambdaContext withRemaining(Duration remaining) {
        return new TestLambdaContext(() -> remaining);
    }

    /** {@code budget} from now, running down in real time. */
    public static TestLambdaContext runningDown(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        return new TestLambdaContext(() -> Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.min(Integer.MAX_VALUE, remaining.get().toMillis());
    }

    @Override
    public String getAwsRequestId() {
        return "test-request-id";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/certguard-test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "certguard-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:certguard-test";
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
        throw new UnsupportedOperationException("certguard writes its log lines to stdout");
    }
}
