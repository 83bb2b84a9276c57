package io.certguard.bench.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting a measured JVM: which handler, which flags beyond Lambda's, whether the CRaC hooks run before
 * the invocation (SnapStart emulated), and the training run that produces its archive, if it needs one.
 *
 * @param kind      {@code floor}, {@code scan} (the measured case) or {@code experiment} (reported, no target)
 * @param training  flags of a run that writes the archive this variant reads, or null
 */
record Variant(String name, String kind, String handler, List<String> flags, boolean snapStart, List<String> training) {

    /**
     * The JVM flags of Lambda's java21 runtime for a 1,024 MB function (template.yaml's MemorySize): C1 only and the
     * serial collector (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html: Java 17 and 21 stop at
     * tier 1), the JDK's default CDS archive if it maps, and the heap, metaspace and code cache as 85 %, 10 % and 5 %
     * of the memory, as the runtime's bootstrap script sets them (the percentages are UNCONFIRMED for java21).
     */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxHeapSize=891289k", "-XX:MaxMetaspaceSize=104857k",
            "-XX:ReservedCodeCacheSize=52428k", "-Djava.net.preferIPv4Stack=true");

    static List<Variant> all(ColdStartDriver.Settings settings) {
        String scan = ColdStartDriver.SCAN_HANDLER;
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("no-op", "floor", ColdStartDriver.NO_OP_HANDLER, List.of(), false, null));
        variants.add(new Variant("scan", "scan", scan, List.of(), false, null));
        if (settings.quick()) {
            return variants; // the smoke pass: the two measurements only
        }
        Path cds = settings.work().resolve("scan-dynamic.jsa");
        // A dynamic AppCDS archive on top of the JDK's default one (JEP 350), trained by one real scan invocation.
        variants.add(new Variant("scan, AppCDS archive", "experiment", scan,
                List.of("-XX:SharedArchiveFile=" + cds), false, List.of("-XX:ArchiveClassesAtExit=" + cds)));
        if (settings.javaFeature() >= 25) {
            // JDK 25's AOT cache (JEP 483 + 514: classes loaded and linked ahead of time), what the java25 runtime offers.
            Path aot = settings.work().resolve("scan.aot");
            variants.add(new Variant("scan, AOT cache", "experiment", scan, List.of("-XX:AOTCache=" + aot), false,
                    List.of("-XX:AOTCacheOutput=" + aot)));
        }
        // SnapStart emulated: the CRaC hooks (priming) run after init; the invocation after them is what a restored
        // snapshot runs. The snapshot's own restore time is not measurable without Lambda.
        if (settings.functionJarContains("org/crac/Core.class")) {
                variants.add(new Variant("scan, SnapStart hooks", "experiment", scan,
                    List.of("-Dorg.crac.Core.Compat=io.certguard.bench.crac"), true, null));
        }
        return variants;
    }

    Path archive() {
        if (training == null) {
            return null;
        }
        String flag = training.get(0);
        return Path.of(flag.substring(flag.indexOf('=') + 1));
    }
}
