package io.certguard.bundle;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, for what the JDK's providers cannot do: decrypting encrypted private keys (PBES2 with
 * BouncyCastle's cipher names, OpenSSL's legacy PEM encryption). It is never registered with
 * {@code java.security.Security}, so it changes nothing else in the process; and this holder class is loaded, and the
 * provider's hundreds of algorithm registrations made, only when a bundle actually carries an encrypted key, which
 * keeps it off a Lambda cold start's path otherwise.
 */
final class BcProvider {

    static final Provider INSTANCE = new BouncyCastleProvider();

    private BcProvider() {
    }
}
