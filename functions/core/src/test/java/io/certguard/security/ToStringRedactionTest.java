package io.certguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.bundle.SecretHolderSamples;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.secret.SecretVersion;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code toString()} of every type holding a secret shows no secret value. The types are found by reflection over the
 * main classes: a class holds a secret when a field is key material ({@link Key}, {@link KeyPair}, {@code char[]}),
 * is named for a secret (password, secret, token, passphrase, pem, pkcs8, der, binary, text, members), or holds (also
 * inside a generic type) a class that holds one. Each such class with its own {@code toString} must be in the samples,
 * whose instances carry known secrets that the string must not show. Two kinds need no sample: a holder that keeps
 * {@code Object.toString} (class name and hash) shows nothing; a record that holds secrets only through other holder
 * types is safe when each of those is (its generated {@code toString} is theirs, concatenated).
 */
class ToStringRedactionTest {

    private static final String API_KEY_SECRET = "redaction-sentinel-api-key-secret";
    private static final String AUTH_TOKEN = "redaction-sentinel-auth-token";
    private static final String SECRET_TEXT = "redaction-sentinel-secret-string";
    private static final byte[] SECRET_BYTES = "redaction-sentinel-secret-binary".getBytes(StandardCharsets.UTF_8);
    private static final String PEM = "-----BEGIN PRIVATE KEY-----\nredaction-sentinel-pem-body\n-----END PRIVATE KEY-----\n";

    /**
     * Field names that hold a secret value (not the name or id of a secret: secretId, credentialsSecret and
     * clientRequestToken name things, they are not secrets).
     */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passphrase|authtoken|keysecret|pem|pkcs8|der|binary)");

    /** Types that hold secrets whatever their fields are called: a parsed JSON object may be a whole secret. */
    private static final Set<Class<?>> HOLDERS_BY_NATURE = Set.of(JsonObject.class, SecretVersion.class);

    private static SecretHolderSamples bundleSamples;
    private static Map<Class<?>, List<Object>> samples;

    @BeforeAll
    static void buildSamples() {
        bundleSamples = new SecretHolderSamples();
        samples = new LinkedHashMap<>(bundleSamples.samples());
        samples.put(TwilioCredentials.class, List.of(
                TwilioCredentials.apiKey("AC0123456789abcdef0123456789abcdef", "SK0123456789abcdef0123456789abcdef",
                        API_KEY_SECRET),
                TwilioCredentials.authToken("AC0123456789abcdef0123456789abcdef", AUTH_TOKEN)));
        samples.put(SecretVersion.class, List.of(
                SecretVersion.ofText("arn:aws:secretsmanager:eu-west-1:123456789012:secret:certguard/x", "certguard/x",
                        "v1", List.of("AWSCURRENT"), SECRET_TEXT),
                SecretVersion.ofBinary("arn:aws:secretsmanager:eu-west-1:123456789012:secret:certguard/x", "certguard/x",
                        "v2", List.of("AWSPENDING"), SECRET_BYTES)));
        samples.put(TlsCertPayload.class, List.of(new TlsCertPayload(PEM)));
        samples.put(JsonObject.class, List.of(Json.parseObject("{\"apiKeySecret\": \"" + API_KEY_SECRET
                + "\", \"nested\": {\"authToken\": \"" + AUTH_TOKEN + "\"}}")));
    }

    @Test
    void theSamplesReallyHoldTheirSecrets() {
        assertThat(bundleSamples.samplesHoldTheirSecrets()).isTrue();
        TwilioCredentials credentials = (TwilioCredentials) samples.get(TwilioCredentials.class).getFirst();
        assertThat(credentials.basicAuthorization()).isNotBlank();
        assertThat(((SecretVersion) samples.get(SecretVersion.class).getFirst()).valueAsText()).isEqualTo(SECRET_TEXT);
        assertThat(((TlsCertPayload) samples.get(TlsCertPayload.class).getFirst()).pem()).isEqualTo(PEM);
    }

    @Test
    @Timeout(60)
    void noToStringOfASecretHolderShowsASecret() {
        List<String> secrets = new ArrayList<>(List.of(API_KEY_SECRET, AUTH_TOKEN, SECRET_TEXT,
                new String(SECRET_BYTES, StandardCharsets.UTF_8), "redaction-sentinel-pem-body",
                SecretHolderSamples.PASSPHRASE));
        String key = bundleSamples.keyBase64();
        for (int at = 100; at + 24 < key.length(); at += 200) {
            secrets.add(key.substring(at, at + 24));
        }
        samples.forEach((type, instances) -> {
            assertThat(instances).as("samples of %s", type.getName()).isNotEmpty();
            for (Object instance : instances) {
                assertThat(instance).as("sample of %s", type.getName()).isInstanceOf(type);
                String shown = instance.toString();
                for (String secret : secrets) {
                    assertThat(shown).as("toString of %s", type.getName()).doesNotContain(secret);
                }
            }
        });
        assertThat(samples.get(TwilioCredentials.class).getFirst().toString()).contains("redacted");
    }

    @Test
    void everySecretHolderWithItsOwnToStringHasASample_andEverySampleIsAHolder() {
        List<Class<?>> classes = mainClasses();
        Set<Class<?>> direct = directHolders(classes);
        Set<Class<?>> holders = secretHolders(classes, direct);

        List<String> unsafe = new ArrayList<>();
        for (Class<?> holder : holders) {
            if (!safe(holder, direct, holders, new LinkedHashSet<>())) {
                unsafe.add(holder.getName());
            }
        }

        assertThat(unsafe).as("secret holders with their own toString and no sample: add a sample, or redact").isEmpty();
        assertThat(holders.stream().map(Class::getName).toList()).as("every sampled type still holds a secret")
                .containsAll(samples.keySet().stream().map(Class::getName).toList());
        assertThat(holders).as("the scan finds the known holders").contains(TwilioCredentials.class,
                SecretVersion.class, TlsCertPayload.class, JsonObject.class);
        assertThat(direct).as("found through their fields").contains(TwilioCredentials.class, TlsCertPayload.class);
    }

    /** Sampled, or Object's toString, or a record whose holder components are all safe. */
    private static boolean safe(Class<?> holder, Set<Class<?>> direct, Set<Class<?>> holders, Set<Class<?>> visiting) {
        if (samples.containsKey(holder) || !hasOwnToString(holder)) {
            return true;
        }
        if (!holder.isRecord() || direct.contains(holder) || !visiting.add(holder)) {
            return false;
        }
        for (var component : holder.getRecordComponents()) {
            for (Class<?> mentioned : classesIn(component.getGenericType())) {
                for (Class<?> h : holders) {
                    if (mentioned != Object.class && mentioned.isAssignableFrom(h) && !safe(h, direct, holders, visiting)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Set<Class<?>> classesIn(Type type) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        switch (type) {
            case Class<?> c -> classes.add(c.isArray() ? c.getComponentType() : c);
            case ParameterizedType p -> {
                classes.addAll(classesIn(p.getRawType()));
                Stream.of(p.getActualTypeArguments()).forEach(a -> classes.addAll(classesIn(a)));
            }
            case WildcardType w -> Stream.of(w.getUpperBounds()).forEach(b -> classes.addAll(classesIn(b)));
            case GenericArrayType g -> classes.addAll(classesIn(g.getGenericComponentType()));
            default -> { }
        }
        return classes;
    }

    /** The classes of {@code io.certguard} in the main output folder (target/classes). */
    private static List<Class<?>> mainClasses() {
        Path root;
        try {
            root = Path.of(TwilioCredentials.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                classes.add(Class.forName(name, false, ToStringRedactionTest.class.getClassLoader()));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Classes with a field that is a secret value itself. */
    private static Set<Class<?>> directHolders(List<Class<?>> classes) {
        Set<Class<?>> direct = new LinkedHashSet<>(HOLDERS_BY_NATURE);
        for (Class<?> c : classes) {
            for (Field f : instanceFields(c)) {
                if (isKeyMaterial(f.getType()) || SECRET_NAME.matcher(f.getName()).matches()
                        && (f.getType() == String.class || f.getType() == byte[].class
                        || mentions(f.getGenericType(), Set.of(String.class, byte[].class)))) {
                    direct.add(c);
                }
            }
        }
        return direct;
    }

    /** The direct holders, then the classes holding one of them, until nothing changes. */
    private static Set<Class<?>> secretHolders(List<Class<?>> classes, Set<Class<?>> direct) {
        Set<Class<?>> holders = new LinkedHashSet<>(direct);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Class<?> c : classes) {
                if (holders.contains(c)) {
                    continue;
                }
                for (Field f : instanceFields(c)) {
                    if (mentionsHolder(f.getGenericType(), holders)) {
                        holders.add(c);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return holders;
    }

    private static List<Field> instanceFields(Class<?> c) {
        return Stream.of(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    }

    private static boolean isKeyMaterial(Class<?> type) {
        return Key.class.isAssignableFrom(type) || type == KeyPair.class || type == char[].class;
    }

    /** Whether the type, or a type argument of it, is (a subtype of or a supertype of) a holder. */
    private static boolean mentionsHolder(Type type, Set<Class<?>> holders) {
        return switch (type) {
            case Class<?> c -> c.isArray() ? mentionsHolder(c.getComponentType(), holders)
                    : isKeyMaterial(c) || holders.stream().anyMatch(h -> c.isAssignableFrom(h) && c != Object.class);
            case ParameterizedType p -> mentionsHolder(p.getRawType(), holders)
                    || Stream.of(p.getActualTypeArguments()).anyMatch(a -> mentionsHolder(a, holders));
            case WildcardType w -> Stream.of(w.getUpperBounds()).anyMatch(b -> mentionsHolder(b, holders));
            case GenericArrayType g -> mentionsHolder(g.getGenericComponentType(), holders);
            default -> false;
        };
    }

    private static boolean mentions(Type type, Set<Class<?>> targets) {
        return switch (type) {
            case Class<?> c -> targets.contains(c);
            case ParameterizedType p -> Stream.of(p.getActualTypeArguments()).anyMatch(a -> mentions(a, targets));
            default -> false;
        };
    }

    private static boolean hasOwnToString(Class<?> c) {
        try {
            Method toString = c.getMethod("toString");
            return toString.getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false; // an interface: its implementations are scanned themselves
        }
    }
}
