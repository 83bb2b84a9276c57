package io.certguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.loopback.LoopbackDnsServer;
import io.certguard.testpki.HeldCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./certguard} as a person runs it: the launcher finds a JDK, sees that the jar the package phase just built is
 * current (no build output), and runs the command. Runs after the package phase (surefire's launcher-tests execution).
 */
class LauncherIT {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    /** Exit status, stdout and stderr of one process. */
    private record Run(int exit, String out, String err) {
        JsonObject json() {
            return Json.parseObject(out);
        }
    }

    private Run certguard(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("certguard.projectRoot"));
        List<String> command = new ArrayList<>(List.of(root.resolve("certguard").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("./certguard " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS
                    + " s; stderr so far:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void demo_tellsTheStory_withoutRebuildingTheJar() throws Exception {
        Run run = certguard("demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("ALARM [30131 WARNING] links.example.com certificate expires in 10 days")
                .contains("Email:").contains("SMS (")
                .contains("Poll 2    LIVE: served on the domain")
                .contains("ALARM [RESOLVED INFO] links.example.com certificate replaced, now expires");
        assertThat(run.err()).doesNotContain("building");
    }

    @Test
    void checkBundle_json_isTheOnlyThingOnStdout_exit1ForABrokenBundle() throws Exception {
        TestBundles bundles = new TestBundles();
        HeldCertificate leaf = bundles.leaf(90);
        Path broken = TestBundles.write(dir, "broken.pem", bundles.broken(leaf));
        Path good = TestBundles.write(dir, "good.pem", bundles.good(leaf));

        Run rejected = certguard("check-bundle", broken.toString(), "--domain", "links.example.com", "--json",
                "--now", TestBundles.NOW.toString());
        Run accepted = certguard("check-bundle", good.toString(), "--domain", "links.example.com",
                "--now", TestBundles.NOW.toString());

        assertThat(rejected.exit()).as(rejected.err()).isEqualTo(1);
        assertThat(rejected.json().optionalBoolean("uploadable")).contains(false);
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("good.pem: uploadable for links.example.com");
        assertThat(rejected.out() + rejected.err() + accepted.out() + accepted.err())
                .doesNotContain(TestBundles.keyFragment(leaf));
    }

    @Test
    void caa_againstALocalDnsResponder_exitStatusIsTheDecision() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.addA("links.example.com", "127.0.0.1").addCaa("example.com", 0, "issue", "digicert.com");
            String resolver = "127.0.0.1:" + dns.address().getPort();

            Run denied = certguard("caa", "links.example.com", "--resolver", resolver, "--json");
            Run permitted = certguard("caa", "links.example.com", "--resolver", resolver, "--issuer", "digicert.com");

            assertThat(denied.exit()).as(denied.err()).isEqualTo(1);
            assertThat(denied.json().string("decision")).isEqualTo("DENIED");
            assertThat(denied.json().string("foundAt")).isEqualTo("example.com");
            assertThat(permitted.exit()).as(permitted.err()).isZero();
            assertThat(permitted.out()).contains("digicert.com may issue (PERMITTED)");
        }
    }

    @Test
    void aUsageError_isOneLineOnStderr_exit2() throws Exception {
        Run run = certguard("check-bundle", dir.resolve("missing.pem").toString(), "--domain", "links.example.com");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("certguard check-bundle: cannot read "
                + dir.resolve("missing.pem") + ": no such file");
    }
}
