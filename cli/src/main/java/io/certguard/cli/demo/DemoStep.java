package io.certguard.cli.demo;

import java.util.List;

/**
 * One step of the demo's story. A step acts on the offline world through {@link DemoContext} and returns what a person
 * should read about it; {@link DemoStory} lists the steps in order.
 */
public interface DemoStep {

    /** A one-line heading, e.g. "Scan the domain". */
    String title();

    /**
     * Runs the step.
     *
     * @return the lines telling what happened
     * @throws io.certguard.cli.CommandFailure when the story did not go as it should
     */
    List<String> run(DemoContext context);
}
