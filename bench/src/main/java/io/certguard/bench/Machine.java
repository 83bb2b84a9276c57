package io.certguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a part ran, for its details: numbers from a shared 2-core machine read differently from a quiet one. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load_average_1m_at_end", os.getSystemLoadAverage());
        machine.put("os", os.getName() + " " + os.getVersion() + " " + os.getArch());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("at", Instant.now().toString());
        return machine;
    }
}
