package io.certguard.cli.demo;

import java.util.List;

/**
 * The demo's story, in order. It ends at the alarm for now; the renewal half (a new bundle is stored, validated,
 * uploaded, its validation polled, the new certificate is live, the alarm is RESOLVED) is appended here as steps once
 * the upload use case exists, acting on the same {@link DemoContext}.
 */
final class DemoStory {

    private DemoStory() {
    }

    static List<DemoStep> steps() {
        return List.of(new AddExpiringDomain(), new ScanDomain(), new ShowExpiryAlarm());
    }
}
