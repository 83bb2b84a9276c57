package io.certguard.adapter.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for the SDK that never opens a connection: it reads the marshalled request and answers a minimal
 * successful response of the service's protocol (DynamoDB and Secrets Manager speak AWS JSON 1.0/1.1, SNS the AWS
 * query protocol with XML responses). For priming the SDK's request pipeline offline; it holds no data.
 */
final class CannedAwsHttpClient implements SdkHttpClient {

    private static final String SNS_PUBLISH = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>priming</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></PublishResponse>";
    private static final Pattern QUERY_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    private static final String SECRET = "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:priming\","
            + "\"Name\":\"priming\",\"VersionId\":\"priming\",\"SecretString\":\"{}\",\"VersionStages\":[\"AWSCURRENT\"]}";

    private final List<String> operations = new CopyOnWriteArrayList<>();

    /**
     * The operations answered, in order: the {@code X-Amz-Target} of JSON protocols (e.g. {@code
     * DynamoDB_20120810.GetItem}), {@code Action} of the query protocol (e.g. {@code Publish}).
     */
    List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                String body = request.contentStreamProvider().map(content -> read(content.newStream())).orElse("");
                operations.add(operation(request.httpRequest(), body));
                Canned canned = answer(request.httpRequest());
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", canned.contentType())
                                .putHeader("x-amzn-RequestId", "priming").build())
                        .responseBody(AbortableInputStream.create(
                                new ByteArrayInputStream(canned.body().getBytes(StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {
                // answered synchronously in call(); nothing in flight to abort
            }
        };
    }

    private static Canned answer(SdkHttpRequest request) {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse("");
        if (target.startsWith("secretsmanager.GetSecretValue")) {
            return new Canned("application/x-amz-json-1.1", SECRET);
        }
        if (!target.isEmpty()) {
            return new Canned("application/x-amz-json-1.0", "{}"); // an empty result: no item, no records
        }
        return new Canned("text/xml", SNS_PUBLISH);
    }

    private static String operation(SdkHttpRequest request, String body) {
        return request.firstMatchingHeader("X-Amz-Target").orElseGet(() -> {
            Matcher action = QUERY_ACTION.matcher(body);
            return action.find() ? action.group(1) : request.method() + " " + request.encodedPath();
        });
    }

    private static String read(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "certguard-canned";
    }

    @Override
    public void close() {
        // no connections, nothing to release
    }

    private record Canned(String contentType, String body) {
    }
}
