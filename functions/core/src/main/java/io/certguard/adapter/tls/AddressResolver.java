package io.certguard.adapter.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into the address to connect to. */
@FunctionalInterface
public interface AddressResolver {

    InetAddress resolve(String host) throws UnknownHostException;

    /**
     * The operating system's resolver through {@link InetAddress}, with the JVM's address cache. Its waits are bounded
     * by the system resolver's own timeout and attempts ({@code /etc/resolv.conf}), not by {@link ProbeTimeouts}.
     * IPv4 is preferred, as the JDK does by default.
     */
    static AddressResolver system() {
        return InetAddress::getByName;
    }
}
