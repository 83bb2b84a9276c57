package io.certguard.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.cli.TestBundles;
import io.certguard.json.JsonObject;
import io.certguard.testpki.HeldCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckBundleCommandTest {

    private static final TestBundles BUNDLES = new TestBundles();
    private static HeldCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        leaf = BUNDLES.leaf(90);
    }

    private Result check(String... args) {
        return CliHarness.run(Map.of(), args);
    }

    private static List<String> codes(JsonObject json) {
        return json.optionalArray("findings").orElseThrow().stream()
                .map(f -> JsonObject.of((Map<?, ?>) f).string("code")).toList();
    }

    @Test
    void aGoodBundle_isUploadable_exit0_withTheLeafAndNoKey() {
        Path file = TestBundles.write(dir, "bundle.pem", BUNDLES.good(leaf));

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("bundle.pem: uploadable for links.example.com (0 errors, 0 warnings)")
                .contains("Leaf:     CN=links.example.com").contains("(90 days left)");
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(leaf)).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aBrokenBundle_listsEveryError_exit1() {
        Path file = TestBundles.write(dir, "broken.pem", BUNDLES.broken(leaf));

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("NOT uploadable for links.example.com (2 errors")
                .contains("ERROR    NO_PRIVATE_KEY").contains("ERROR    ROOT_MISSING");
    }

    @Test
    void json_isExactlyTheDocumentedShape() {
        Path file = TestBundles.write(dir, "broken.pem", BUNDLES.broken(leaf));

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com", "--json");

        assertThat(result.exit()).isEqualTo(1);
        JsonObject json = result.json();
        assertThat(json.asMap()).containsOnlyKeys("uploadable", "findings", "leaf");
        assertThat(json.optionalBoolean("uploadable")).contains(false);
        assertThat(codes(json)).contains("NO_PRIVATE_KEY", "ROOT_MISSING");
        JsonObject first = JsonObject.of((Map<?, ?>) json.optionalArray("findings").orElseThrow().getFirst());
        assertThat(first.asMap()).containsOnlyKeys("code", "severity", "message", "certificateIndex");
        assertThat(first.string("severity")).isEqualTo("ERROR");
        JsonObject leafJson = json.object("leaf");
        assertThat(leafJson.asMap()).containsOnlyKeys("subject", "notAfter", "fingerprintSha256");
        assertThat(leafJson.string("subject")).isEqualTo("CN=links.example.com");
        assertThat(leafJson.string("notAfter")).isEqualTo(leaf.certificate().getNotAfter().toInstant().toString());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theWrongHost_andAnExpiredChainAtNow_areErrors() {
        Path file = TestBundles.write(dir, "bundle.pem", BUNDLES.good(leaf));

        Result otherHost = check("check-bundle", file.toString(), "--domain", "other.example.com", "--json");
        Result later = check("check-bundle", file.toString(), "--domain", "links.example.com", "--now", "2027-06-01",
                "--json");

        assertThat(otherHost.exit()).isEqualTo(1);
        assertThat(codes(otherHost.json())).contains("HOSTNAME_MISMATCH");
        assertThat(later.exit()).isEqualTo(1);
        assertThat(codes(later.json())).contains("EXPIRED");
    }

    @Test
    void aLeafExpiringWithinTheFirstThreshold_isUploadableWithAWarning() {
        HeldCertificate soon = BUNDLES.leaf(20);
        Path file = TestBundles.write(dir, "soon.pem", BUNDLES.good(soon));

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com", "--json");

        assertThat(result.exit()).isZero();
        assertThat(codes(result.json())).containsExactly("EXPIRES_SOON");
    }

    @Test
    void theJsonSecretFormat_isReadToo() {
        String secret = "{\"certificate\":" + quoted(leaf.certificatePem()) + ",\"chain\":"
                + quoted(BUNDLES.pki().intermediate().certificatePem() + BUNDLES.pki().root().certificatePem())
                + ",\"privateKey\":" + quoted(leaf.privateKeyPkcs8Pem()) + "}";
        Path file = TestBundles.write(dir, "secret.json", secret);

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(leaf));
    }

    @Test
    void writeTlsCert_writesThePayload_ownerOnly_replacingAnExistingFile() throws IOException {
        Path file = TestBundles.write(dir, "bundle.pem", BUNDLES.good(leaf));
        Path out = TestBundles.write(dir, "tlscert.pem", "old content\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com", "--write-tlscert",
                out.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        String payload = Files.readString(out);
        assertThat(payload).startsWith(leaf.certificatePem()).endsWith(leaf.privateKeyPkcs8Pem());
        assertThat(result.err()).contains("readable only by you (mode 0600)");
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(leaf));
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bundle.pem", "tlscert.pem");
        }
    }

    @Test
    void writeTlsCert_writesNothingForABundleThatIsNotUploadable() {
        Path file = TestBundles.write(dir, "broken.pem", BUNDLES.broken(leaf));
        Path out = dir.resolve("tlscert.pem");

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com", "--write-tlscert",
                out.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(result.err()).contains("did not write");
    }

    @Test
    void badInput_isOneLineAndExit2() throws IOException {
        Path file = TestBundles.write(dir, "bundle.pem", BUNDLES.good(leaf));
        Path big = Files.write(dir.resolve("big.pem"), new byte[(1 << 20) + 1]);

        assertUsage(check("check-bundle", dir.resolve("missing.pem").toString(), "--domain", "links.example.com"),
                "cannot read " + dir.resolve("missing.pem") + ": no such file");
        assertUsage(check("check-bundle", dir.toString(), "--domain", "links.example.com"), "it is a directory");
        assertUsage(check("check-bundle", big.toString(), "--domain", "links.example.com"), "larger than 1 MiB");
        assertUsage(check("check-bundle", file.toString()), "option --domain is required");
        assertUsage(check("check-bundle", file.toString(), "--domain", "*.example.com"), "is not a host name");
        assertUsage(check("check-bundle", file.toString(), "--domain", "links.example.com", "--now", "next week"),
                "is not an ISO-8601 time");
        assertUsage(check("check-bundle", file.toString(), "--domain", "links.example.com", "--write-tlscert",
                dir.resolve("no/such/dir/out.pem").toString()), "does not exist");
        assertUsage(check("check-bundle", file.toString(), "--domain", "links.example.com", "--write-tlscert",
                dir.toString()), "is a directory");
    }

    @Test
    void garbage_isAFindingNotACrash() {
        Path file = TestBundles.write(dir, "garbage.pem", "this is not a certificate\n");

        Result result = check("check-bundle", file.toString(), "--domain", "links.example.com", "--json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(codes(result.json())).containsExactly("PEM_MALFORMED");
        assertThat(result.json().raw("leaf")).isEmpty();
    }

    private static void assertUsage(Result result, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard check-bundle: ").contains(message).doesNotContain("\tat ");
    }

    private static String quoted(String text) {
        return io.certguard.json.Json.write(text);
    }
}
