package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class PrivateAddressesTest {

    @Test
    void containsThisMachineThePrivateNetworksAndAddressesThatAreNoHostOnTheInternet() {
        for (String address : new String[] {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "172.16.5.4",
                "172.31.255.255", "192.168.1.1", "169.254.169.254", "224.0.0.1", "100.64.0.1", "198.18.0.1",
                "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1",
                "ff02::1", "::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a00:1"}) {
            assertThat(PrivateAddresses.contains(literal(address))).as(address).isTrue();
        }
    }

    @Test
    void leavesOutPublicAddresses() {
        for (String address : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                "2001:4860:4860::8888", "2a00:1450::1", "64:ff9b::808:808"}) {
            assertThat(PrivateAddresses.contains(literal(address))).as(address).isFalse();
        }
    }

    /** An address written as numbers: no name server is asked. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
