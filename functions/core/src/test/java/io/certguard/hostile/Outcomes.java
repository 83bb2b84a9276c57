package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Compares an outcome with a case's expectation. {@code outcome:} names the simple class of the exception or result;
 * for an exception, {@code message-starts-with:} and every {@code message-contains:} must hold (at least one is
 * required, so no case can pass on the type alone); for a result, every {@code field.NAME:} line must equal the text
 * of the accessor {@code NAME()} (an {@code Optional} compared by its content, empty as {@code (empty)}).
 */
final class Outcomes {

    private Outcomes() {
    }

    static void check(HostileCorpus.Case c, Object outcome) {
        Expect expect = c.expect();
        assertThat(outcome).as("outcome of %s", c).isNotNull();
        assertThat(outcome.getClass().getSimpleName()).as("outcome of %s (%s)", c, outcome)
                .isEqualTo(expect.required("outcome"));
        if (outcome instanceof Throwable error) {
            checkMessage(c, error.getMessage());
        } else {
            checkFields(c, outcome, expect.withPrefix("field."));
            if (expect.first("message-starts-with").isPresent() || expect.first("message-contains").isPresent()) {
                checkMessage(c, String.valueOf(read(outcome, "message")));
            }
        }
    }

    static void checkMessage(HostileCorpus.Case c, String message) {
        Expect expect = c.expect();
        List<String> contains = expect.all("message-contains");
        assertThat(expect.first("message-starts-with").isPresent() || !contains.isEmpty())
                .as("%s names part of the message it expects", expect.file()).isTrue();
        expect.first("message-starts-with").ifPresent(prefix -> assertThat(message).as("message of %s", c).startsWith(prefix));
        contains.forEach(part -> assertThat(message).as("message of %s", c).contains(part));
    }

    static void checkFields(HostileCorpus.Case c, Object result, List<Map.Entry<String, String>> fields) {
        assertThat(fields).as("%s checks at least one field of its result", c.expect().file()).isNotEmpty();
        for (Map.Entry<String, String> field : fields) {
            assertThat(text(read(result, field.getKey()))).as("%s of %s", field.getKey(), c).isEqualTo(field.getValue());
        }
    }

    /** Follows a dotted path of no-argument accessors. */
    static Object read(Object target, String path) {
        Object value = target;
        for (String name : path.split("\\.")) {
            if (value instanceof java.util.Optional<?> optional) {
                value = optional.orElseThrow(() -> new AssertionError(path + ": " + name + " of an empty Optional"));
            }
            try {
                Method accessor = value.getClass().getMethod(name);
                accessor.setAccessible(true);
                value = accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + name + " of " + value.getClass().getName(), e);
            }
        }
        return value;
    }

    static String text(Object value) {
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(String::valueOf).orElse("(empty)");
        }
        return String.valueOf(value);
    }
}
