/**
 * A stateful, scriptable stand-in for Twilio's Link Shortening endpoints (Messaging API v1/v2) on a loopback port, for
 * tests and the offline demo. Start with {@link io.certguard.simulator.TwilioSimulator#builder()}.
 */
package io.certguard.simulator;
