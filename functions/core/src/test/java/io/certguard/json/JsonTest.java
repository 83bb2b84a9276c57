package io.certguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesEveryValueType() {
        Object value = Json.parse(" {\"s\": \"x\", \"n\": -1.5e2, \"t\": true, \"f\": false, \"z\": null, \"a\": [1, {}], \"o\": {\"k\": []}} ");

        assertThat(value).isEqualTo(mapOf("s", "x", "n", new BigDecimal("-1.5e2"), "t", true, "f", false, "z", null,
                "a", List.of(BigDecimal.ONE, Map.of()), "o", Map.of("k", List.of())));
    }

    @Test
    void keepsNullMembersDistinctFromAbsentOnes() {
        Map<String, Object> map = cast(Json.parse("{\"a\": null}"));

        assertThat(map).containsKey("a").doesNotContainKey("b");
        assertThat(map.get("a")).isNull();
    }

    @Test
    void decodesEscapes() {
        assertThat(Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\"")).isEqualTo("\"\\/\b\f\n\r\té€😀");
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        Map<String, Object> map = cast(Json.parse("{\"a\": [1]}"));
        List<Object> list = cast(map.get("a"));

        assertThatThrownBy(() -> map.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                     | unexpected end of document at offset 0",
            "'{'                    | expected a member name in double quotes at offset 1",
            "'{\"a\" 1}'            | expected ':' at offset 5",
            "'{\"a\": 1,}'          | expected a member name in double quotes at offset 8",
            "'[1 2]'                | expected ',' or ']' at offset 3",
            "'{\"a\": 1, \"a\": 2}' | duplicate member name at offset 14",
            "'\"abc'                | unterminated string at offset 4",
            "'\"a\\qb\"'            | invalid escape sequence at offset 3",
            "'\"\\u12\"'            | truncated \\u escape at offset 3",
            "'\"\\u12zz\"'          | invalid \\u escape at offset 3",
            "'\"\\u+041\"'          | invalid \\u escape at offset 3",
            "'\"\\u-041\"'          | invalid \\u escape at offset 3",
            "'01'                   | unexpected trailing content at offset 1",
            "'1.'                   | invalid number: digits expected after '.' at offset 2",
            "'1e'                   | invalid number: digits expected in exponent at offset 2",
            "'-'                    | invalid number at offset 1",
            "'nul'                  | invalid literal at offset 0",
            "'true false'           | unexpected trailing content at offset 5",
            "'[1,]'                 | unexpected ']' at offset 3"})
    void refusesMalformedDocumentsNamingWhereAndWhat(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonFormatException.class).hasMessage(message);
    }

    @Test
    void refusesRawControlCharactersInStrings() {
        assertThatThrownBy(() -> Json.parse("\"a\nb\"")).isInstanceOf(JsonFormatException.class)
                .hasMessage("control character in string at offset 2");
    }

    @Test
    void refusesNullInput() {
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(JsonFormatException.class).hasMessageContaining("null");
    }

    @Test
    void limitsNesting() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        String allowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonFormatException.class).hasMessageContaining("nesting");
        assertThat(Json.parse(allowed)).isInstanceOf(List.class);
    }

    @Test
    void limitsNumberLength() {
        char[] digits = new char[101];
        Arrays.fill(digits, '7');

        assertThatThrownBy(() -> Json.parse(new String(digits))).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("longer than 100");
    }

    @Test
    void anExponentBeyondBigDecimalsRangeIsAFormatError_notANumberFormatException() {
        assertThatThrownBy(() -> Json.parse("{\"Step\": 1e99999999999}")).isInstanceOf(JsonFormatException.class)
                .hasMessage("number out of range at offset 9");
        assertThatThrownBy(() -> Json.parse("[-2E-99999999999]")).isInstanceOf(JsonFormatException.class)
                .hasMessage("number out of range at offset 1");
        assertThat(Json.parse("1e999999999")).isEqualTo(new java.math.BigDecimal("1e999999999"));
    }

    @Test
    void writesAHugeExponentInExponentForm_notAsABillionDigits() {
        Object parsed = Json.parse("[1e999999999, -5E-999999999, 12.50]");

        assertThat(Json.write(parsed)).isEqualTo("[1E+999999999,-5E-999999999,12.50]");
        assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
    }

    @Test
    void writesWhatItParsesBack_evenWhenThePlainFormWouldBeTooLongToParse() {
        // Found by TwilioResponseFuzzTest (Jazzer): 12 characters whose plain form has 107 digits, which parse refused.
        Object short12 = Json.parse("199919199e98");
        String ninetyFiveDigits = "1234567890".repeat(9) + "12345";
        Object long98 = Json.parse(ninetyFiveDigits + "e50"); // its scientific form has 101 characters

        assertThat(Json.write(short12)).isEqualTo("1.99919199E+106");
        assertThat(Json.write(long98)).isEqualTo(ninetyFiveDigits + "e50");
        assertThat(Json.write(1e300)).isEqualTo("1.0E+300");
        for (Object value : List.of(short12, long98, Json.parse("-0.5e-101"), Json.parse("1e100"))) {
            assertThat(Json.parse(Json.write(value))).as("%s", value).isEqualTo(value);
        }
    }

    @Test
    void parseObjectRefusesOtherTypes() {
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(JsonFormatException.class)
                .hasMessage("expected a JSON object but found array");
        assertThat(Json.parseObject("{\"a\": 1}").has("a")).isTrue();
    }

    @Test
    void writesCompactJsonThatParsesBack() {
        Map<String, Object> document = mapOf("text", "quote \" backslash \\ newline \n tab \t bell \u0007", "number", 12,
                "decimal", new BigDecimal("1.50"), "double", 0.25, "flag", true, "nothing", null,
                "list", List.of(1, "two"), "object", Json.parseObject("{\"k\": \"v\"}"));

        String written = Json.write(document);

        assertThat(written).isEqualTo("{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\",\"number\":12,"
                + "\"decimal\":1.50,\"double\":0.25,\"flag\":true,\"nothing\":null,\"list\":[1,\"two\"],\"object\":{\"k\":\"v\"}}");
        assertThat(Json.write(Json.parse(written))).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void refusesToWriteNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> Json.write(List.of(value))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToWriteUnknownTypes() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void namesTypesForMessages() {
        assertThat(List.of(Json.typeName(null), Json.typeName(Map.of()), Json.typeName(List.of()), Json.typeName("s"),
                Json.typeName(BigDecimal.ONE), Json.typeName(true))).containsExactly("null", "object", "array", "string",
                "number", "boolean");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
