package io.certguard.cli.demo;

import java.util.List;

/**
 * The demo's story, in order: a certificate close to expiry, the scan and its 30131 alarm; then the renewal: a new
 * bundle is stored, validated, uploaded, its validation polled until the domain serves it, and the RESOLVED alarm.
 * Every step acts on the same {@link DemoContext}.
 */
final class DemoStory {

    private DemoStory() {
    }

    static List<DemoStep> steps() {
        return List.of(new AddExpiringDomain(), new ScanDomain(), new ShowExpiryAlarm(), new StoreRenewedBundle(),
                new ValidateBundle(), new UploadBundle(), new PollValidation(), new ShowResolvedAlarm());
    }
}
