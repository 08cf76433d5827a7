package org.slapdesk.remote.action.bridge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Compares {@code address/prefix} texts by value ({@code fd00:0::2/64} is {@code fd00::2/64}). */
final class Addresses {

    private Addresses() {}

    static boolean same(String a, String b) {
        String[] pa = a.split("/", 2);
        String[] pb = b.split("/", 2);
        if (pa.length != pb.length || (pa.length == 2 && !pa[1].equals(pb[1]))) {
            return false;
        }
        try {
            return Arrays.equals(
                    InetAddress.getByName(pa[0]).getAddress(),
                    InetAddress.getByName(pb[0]).getAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
