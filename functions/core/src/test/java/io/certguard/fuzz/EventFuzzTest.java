package io.certguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.certguard.hostile.HostileSeeds;
import io.certguard.lambda.LambdaEvents;
import io.certguard.testing.ProjectFiles;
import io.certguard.upload.UploadTrigger;
import io.certguard.upload.UploadTriggers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the upload function's event parsing: whatever bytes a Lambda invocation
 * delivers, {@link LambdaEvents#read} then {@link UploadTriggers#parse} give a trigger or an InvalidEventException
 * that says why ({@link ParserErrors#event}). The scan and the validation poll read their scheduled events with the
 * same {@code LambdaEvents.read}. Seeds: {@code hostile/events/} and the sample events in {@code events/}.
 */
class EventFuzzTest {

    static Stream<Arguments> seeds() {
        return Seeds.of(Stream.concat(HostileSeeds.events(), sampleEvents().stream()));
    }

    /** The sample events in the repository's {@code events/} (those {@code sam local invoke} takes). */
    private static List<HostileSeeds.Seed> sampleEvents() {
        try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("events"))) {
            List<HostileSeeds.Seed> seeds = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                seeds.add(new HostileSeeds.Seed("events/" + file.getFileName(), Files.readAllBytes(file)));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MethodSource("seeds")
    @DictionaryEntries({"\"Step\"", "\"SecretId\"", "\"ClientRequestToken\"", "\"createSecret\"", "\"setSecret\"",
            "\"testSecret\"", "\"finishSecret\"", "\"source\"", "\"detail-type\"", "\"detail\"", "\"resources\"",
            "\"aws.secretsmanager\"", "\"Secret Label Updated\"", "\"AWS API Call via CloudTrail\"", "\"name\"",
            "\"versionId\"", "\"labelUpdated\"", "\"AWSCURRENT\"", "\"eventSource\"", "\"eventName\"",
            "\"secretsmanager.amazonaws.com\"", "\"PutSecretValue\"", "\"UpdateSecret\"", "\"errorCode\"",
            "\"responseElements\"", "\"arn\"", "\"aRN\"", "\"requestParameters\"", "\"secretId\"", "\\u", "1e999999999"})
    @FuzzTest(maxDuration = "30s")
    void events(byte[] event) {
        ParserErrors.Outcome<UploadTrigger> outcome =
                ParserErrors.event(() -> UploadTriggers.parse(LambdaEvents.read(new ByteArrayInputStream(event))));
        if (outcome instanceof ParserErrors.Parsed<UploadTrigger> parsed) {
            assertThat(parsed.value()).isNotNull();
        }
    }
}
