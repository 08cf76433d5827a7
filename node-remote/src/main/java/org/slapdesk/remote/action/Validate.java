package org.slapdesk.remote.action;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.slapdesk.remote.file.RemotePaths;

/** Checks of what the user types, each refusing bad input with the reason. */
public final class Validate {

    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DEVICE = Pattern.compile("/dev/[A-Za-z0-9][A-Za-z0-9_./-]*");

    private Validate() {}

    /** A Linux interface name: 1-15 characters of letters, digits, {@code _ . -}; not {@code .} or {@code ..}. */
    public static String interfaceName(String name) {
        if (name == null || !INTERFACE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("'" + name + "' is not a network interface name: Linux allows 1 to 15"
                    + " letters, digits, '_', '.' or '-' (e.g. eth0, br0, lo)");
        }
        return name;
    }

    /** An IPv6 address without prefix, e.g. {@code fc01::1}. */
    public static String ipv6Address(String address) {
        if (address == null
                || !address.contains(":")
                || !IPV6_CHARS.matcher(address).matches()) {
            throw new InvalidInputException("'" + address + "' is not an IPv6 address (e.g. fc01::1)");
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("'" + address + "' is not an IPv6 address (e.g. fc01::1)");
        }
        return address;
    }

    /** An IPv6 address with a prefix length 1-128, e.g. {@code fc01::1/32}. */
    public static String ipv6WithPrefix(String cidr) {
        if (cidr == null || cidr.indexOf('/') < 0) {
            throw new InvalidInputException("'" + cidr + "' needs a prefix length, e.g. fc01::1/32");
        }
        String[] parts = cidr.split("/", 2);
        ipv6Address(parts[0]);
        prefix(parts[1], 128, cidr);
        return cidr;
    }

    public static String ipv4Address(String address) {
        if (address == null || !IPV4.matcher(address).matches()) {
            throw new InvalidInputException(
                    "'" + address + "' is not an IPv4 address (four numbers 0-255, e.g. 10.0.0.1)");
        }
        return address;
    }

    /** An IPv4 network, e.g. {@code 10.0.0.0/16}. */
    public static String ipv4Network(String cidr) {
        if (cidr == null || cidr.indexOf('/') < 0) {
            throw new InvalidInputException("'" + cidr + "' needs a prefix length, e.g. 10.0.0.0/16");
        }
        String[] parts = cidr.split("/", 2);
        ipv4Address(parts[0]);
        prefix(parts[1], 32, cidr);
        return cidr;
    }

    /** Either family's address. */
    public static String ipAddress(String address) {
        return address != null && address.contains(":") ? ipv6Address(address) : ipv4Address(address);
    }

    public static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port " + port + " is outside 1-65535");
        }
        return port;
    }

    public static int port(String port) {
        try {
            return port(Integer.parseInt(port.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("'" + port + "' is not a port number (1-65535)");
        }
    }

    /** An absolute path without {@code .}/{@code ..} segments, control characters or NUL. */
    public static String absolutePath(String path) {
        try {
            return RemotePaths.requireAbsolute(path);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** A block device path such as {@code /dev/sdb1} or {@code /dev/loop0}. */
    public static String devicePath(String device) {
        if (device == null || !DEVICE.matcher(device).matches() || device.contains("..")) {
            throw new InvalidInputException("'" + device + "' is not a device path (e.g. /dev/sdb1, /dev/nvme0n1p1)");
        }
        return device;
    }

    public static int partitionCount(int count) {
        if (count < 1 || count > 2000) {
            throw new InvalidInputException("partition count " + count + " is outside 1-2000");
        }
        return count;
    }

    /** A computer title / name as {@code slapos node register} takes it: printable, one line. */
    public static String computerName(String name) {
        if (name == null
                || name.isBlank()
                || name.length() > 255
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(
                    "'" + name + "' is not a usable computer name: one line, 1-255 printable characters");
        }
        return name;
    }

    private static void prefix(String text, int max, String whole) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > max) {
                throw new InvalidInputException("the prefix length of '" + whole + "' must be 1-" + max);
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the prefix length of '" + whole + "' is not a number");
        }
    }
}
