package io.certguard.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The hostile corpus as seeds for the fuzz targets (io.certguard.fuzz): for each case, the bytes its
 * {@code Hostile*Test} hands to the parser, rendered the same way. Seeds larger than {@link #MAX_SEED_BYTES} are
 * left out: libFuzzer raises its input length limit to the largest seed, and megabyte inputs would slow every
 * execution; those cases keep running in the corpus tests.
 */
public final class HostileSeeds {

    public static final int MAX_SEED_BYTES = 16 * 1024;
    /** The host and the instant the secrets' certificates are made for (validate them against these). */
    public static final String SECRETS_HOST = SecretMaterial.HOST;
    public static final Instant SECRETS_NOW = SecretMaterial.NOW;

    /** One seed: the corpus case it comes from and its bytes. */
    public record Seed(String name, byte[] bytes) {
    }

    private HostileSeeds() {
    }

    /** {@code hostile/events/}: the bytes a Lambda invocation delivers. */
    public static Stream<Seed> events() {
        return seeds("events", c -> HostileCorpus.render(c.inputBytes()));
    }

    /** {@code hostile/twilio/}: the bodies of the raw HTTP answers. */
    public static Stream<Seed> twilioBodies() {
        return seeds("twilio", c -> HostileCorpus.render(CannedHttpServer.body(c.inputBytes())));
    }

    /** {@code hostile/secrets/}: secret values, text as UTF-8, with keys and certificates from a fresh test PKI. */
    public static Stream<Seed> secrets() {
        SecretMaterial material = new SecretMaterial();
        return seeds("secrets", c -> switch (material.input(c)) {
            case SecretMaterial.Generated.Text text -> text.value().getBytes(StandardCharsets.UTF_8);
            case SecretMaterial.Generated.Bytes bytes -> bytes.value();
        });
    }

    private static Stream<Seed> seeds(String kind, Function<HostileCorpus.Case, byte[]> input) {
        List<HostileCorpus.Case> cases = HostileCorpus.cases(kind);
        return cases.stream().map(c -> new Seed(kind + "/" + c.name(), input.apply(c)))
                .filter(seed -> seed.bytes().length <= MAX_SEED_BYTES);
    }
}
