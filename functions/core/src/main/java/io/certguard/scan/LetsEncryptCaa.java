package io.certguard.scan;

/** Decides whether the host's CAA records let Let's Encrypt issue (RFC 8659). DNS errors yield INDETERMINATE. */
public interface LetsEncryptCaa {

    CaaStatus check(String host);
}
