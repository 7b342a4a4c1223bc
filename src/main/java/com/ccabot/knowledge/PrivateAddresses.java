package com.ccabot.knowledge;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The addresses a URL added by a user must not lead to unless allowed: this machine, the local network and
 * addresses that are no host on the internet, so that adding an article cannot be used to reach inside.
 */
final class PrivateAddresses {

    private PrivateAddresses() {}

    /** Whether {@code address} is loopback, any-local, link-local, site-local, multicast or otherwise not public. */
    static boolean contains(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                  // "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64/10, carrier-grade NAT
                    || (first == 198 && (second & 0xfe) == 18)  // 198.18/15, benchmarking
                    || first >= 240;                            // reserved, and the broadcast address
        }
        if (address instanceof Inet6Address v6) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local: the IPv6 site-local
            }
            boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                    && Arrays.equals(Arrays.copyOfRange(bytes, 4, 12), new byte[8]);
            if (v6.isIPv4CompatibleAddress() || nat64) {
                return contains(embeddedIpv4(bytes)); // an IPv4 address written as IPv6
            }
        }
        return false;
    }

    private static InetAddress embeddedIpv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
