package io.certguard.system;

import io.certguard.json.Json;
import io.certguard.testing.AwsStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything certguard shows while a test runs, by channel: the process's standard output and error, the functions'
 * log stream, what handlers returned and the stack traces of what they threw, what the command line printed and the
 * files it kept, every message published to the alarm topic, every item of the state table, and the message of every
 * exception constructed anywhere in the JVM (caught or not), recorded by JFR's jdk.JavaExceptionThrow and
 * jdk.JavaErrorThrow events.
 */
final class Capture implements AutoCloseable {

    /** One place something can leak to, and what it held. */
    record Channel(String name, List<String> texts) {
    }

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream functionLogs = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(functionLogs, true, StandardCharsets.UTF_8);
    private final List<String> handlers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> commandLine = Collections.synchronizedList(new ArrayList<>());
    private final List<String> published = new ArrayList<>();
    private final Recording exceptions = new Recording();
    private final Path dir;

    private Capture(Path dir) {
        this.dir = dir;
    }

    /** Starts capturing: standard output and error are redirected, and every exception is recorded. */
    static Capture start(Path dir) {
        Capture capture = new Capture(dir);
        capture.exceptions.enable("jdk.JavaExceptionThrow");
        capture.exceptions.enable("jdk.JavaErrorThrow");
        capture.exceptions.start();
        PrintStream console = new PrintStream(capture.console, true, StandardCharsets.UTF_8);
        System.setOut(console);
        System.setErr(console);
        return capture;
    }

    /** Standard error as it was before the capture, for the test's own report. */
    PrintStream originalErr() {
        return originalErr;
    }

    /** The stream the functions log to (what CloudWatch Logs would receive). */
    PrintStream functionLog() {
        return log;
    }

    void handlerResult(String json) {
        handlers.add(json);
    }

    void thrown(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        handlers.add(trace.toString());
    }

    void commandLine(String text) {
        commandLine.add(text);
    }

    /** Every channel as it stands now; SNS messages are drained from the inbox and kept. */
    List<Channel> channels(AwsStack stack) {
        stack.inbox().drain().forEach(envelope -> published.add(Json.write(envelope.asMap())));
        return List.of(
                new Channel("standard output and error", List.of(console.toString(StandardCharsets.UTF_8))),
                new Channel("function log stream", List.of(functionLogs.toString(StandardCharsets.UTF_8))),
                new Channel("handler results and thrown stack traces", List.copyOf(handlers)),
                new Channel("command line output and files", List.copyOf(commandLine)),
                new Channel("SNS messages", List.copyOf(published)),
                new Channel("DynamoDB items", tableItems(stack)),
                new Channel("exceptions thrown in the JVM", exceptionMessages()));
    }

    /** How many SNS messages were read back so far. */
    int snsMessages() {
        return published.size();
    }

    private static List<String> tableItems(AwsStack stack) {
        List<String> items = new ArrayList<>();
        stack.aws().dynamoDb().scanPaginator(b -> b.tableName(stack.table()).consistentRead(true)).items()
                .forEach(item -> items.add(render(item)));
        return items;
    }

    /** An item attribute by attribute, binary values both as text and as base64, nothing redacted. */
    private static String render(Map<String, AttributeValue> item) {
        return item.entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String render(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case B -> binary(value.b().asByteArray());
            case SS -> String.join(",", value.ss());
            case NS -> String.join(",", value.ns());
            case BS -> value.bs().stream().map(b -> binary(b.asByteArray())).collect(Collectors.joining(","));
            case M -> render(value.m());
            case L -> value.l().stream().map(Capture::render).collect(Collectors.joining(",", "[", "]"));
            case BOOL -> String.valueOf(value.bool());
            case NUL -> "null";
            case UNKNOWN_TO_SDK_VERSION -> value.toString();
        };
    }

    private static String binary(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8) + " " + Base64.getEncoder().encodeToString(bytes);
    }

    /** The class and message of every Throwable constructed since the capture started. */
    private List<String> exceptionMessages() {
        Path file = dir.resolve("exceptions-" + System.nanoTime() + ".jfr");
        try {
            exceptions.dump(file);
            List<String> messages = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                messages.add(event.getClass("thrownClass").getName() + ": " + event.getString("message"));
            }
            Files.delete(file);
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording of exceptions", e);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        exceptions.close();
    }
}
