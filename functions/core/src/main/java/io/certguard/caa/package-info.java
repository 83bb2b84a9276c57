/**
 * Whether a CA (for certguard: Let's Encrypt, which issues Twilio-managed certificates) may issue for a host under
 * the DNS CAA records of the host and its parents (RFC 8659, with the RFC 8657 parameters), predicted the way
 * Let's Encrypt's Boulder decides it.
 *
 * <p>Deciding is kept apart from looking up: {@link io.certguard.caa.CaaEvaluator} is a pure function of the
 * records found per queried name, {@link io.certguard.caa.CaaChecker} walks the names through the
 * {@link io.certguard.caa.CaaLookup} port, and only an adapter ({@code io.certguard.adapter.dns}) touches the
 * network. "Cannot tell" ({@link io.certguard.caa.CaaDecision.Indeterminate}) is never reported as permitted.
 */
package io.certguard.caa;
