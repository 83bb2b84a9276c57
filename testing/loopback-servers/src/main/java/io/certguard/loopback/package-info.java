/**
 * Real servers bound to loopback on random free ports, for tests, benchmarks and the offline demo. Each one is an
 * {@link java.lang.AutoCloseable}, records what it served, and never binds a non-loopback address.
 */
package io.certguard.loopback;
