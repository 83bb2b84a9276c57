package io.certguard.cli.scan;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.cli.Text;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command line's alarm channel when no SNS topic is given: each alarm is printed as it is published, so it is on
 * the screen before the run records it as sent. In full, with the SMS and the email (human output on stdout), or one
 * line naming it (beside {@code --json} output, on stderr).
 */
public final class AlarmPrinter implements AlarmPublisher {

    private final PrintStream stream;
    private final boolean full;
    private final AtomicInteger count = new AtomicInteger();

    private AlarmPrinter(PrintStream stream, boolean full) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.full = full;
    }

    /** Prints each alarm whole: subject, SMS and email. */
    public static AlarmPrinter full(PrintStream stream) {
        return new AlarmPrinter(stream, true);
    }

    /** Prints one line per alarm: its subject. */
    public static AlarmPrinter subjects(PrintStream stream) {
        return new AlarmPrinter(stream, false);
    }

    @Override
    public String publish(AlarmMessage alarm) {
        synchronized (stream) {
            stream.print(full ? render(alarm) + "\n" : "alarm: " + alarm.subject() + "\n");
            stream.flush();
        }
        return "printed-" + count.incrementAndGet();
    }

    /** An alarm as a person receives it: the subject, the SMS and the email. */
    public static String render(AlarmMessage alarm) {
        return "ALARM " + alarm.subject() + "\n"
                + "  SMS (" + alarm.smsText().length() + " characters):\n"
                + "    " + alarm.smsText() + "\n"
                + "  Email:\n"
                + Text.indent(alarm.emailText(), "    ") + "\n";
    }
}
