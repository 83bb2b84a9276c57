package io.certguard.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON values whose member names come from a list (so the mappers see their own fields with wrong types). */
final class RandomJson {

    private static final List<String> STRINGS = List.of("", " ", "pending", "PENDING", "failed", "AWSCURRENT",
            "AWSPENDING", "createSecret", "finishSecret", "aws.secretsmanager", "Secret Label Updated",
            "2026-11-27T10:00:00Z", "2026-11-27T10:00:00+02:00", "2026-13-45T99:99:99Z", "not a date",
            "DN0123456789abcdef0123456789abcdef", "DNffffffffffffffffffffffffffffffff", "certguard/links.example.com",
            "\u0000", "\ud800", "\ufeff", "-----BEGIN CERTIFICATE-----");
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "1.5", "1e2", "1e999999999",
            "-1e-999999999", "123456789012345678901234567890", "2147483648", "-2147483649", "0.000001");

    private RandomJson() {
    }

    static Object value(Random random, List<String> names, int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> new BigDecimal(Mutations.pick(random, NUMBERS));
            case 3 -> Mutations.pick(random, STRINGS);
            case 4 -> random.nextInt(4) == 0 ? Mutations.soup(random, 8) : Mutations.pick(random, names);
            case 5 -> object(random, names, depth - 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, names, depth - 1));
                }
                yield list;
            }
        };
    }

    static Map<String, Object> object(Random random, List<String> names, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(names.size() + 2); i > 0; i--) {
            String name = random.nextInt(8) == 0 ? Mutations.soup(random, 3) : Mutations.pick(random, names);
            map.put(name, value(random, names, depth));
        }
        return map;
    }
}
