package eu.enclave.orchestrator.cluster.settings;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the address block a mirror answers from, without ever resolving a name: an IPv4 or IPv6 literal with an
 * optional prefix length, a bare address meaning that one address. Refuses what would open more than a mirror:
 * blocks wider than /8 (IPv4) or /32 (IPv6), and loopback, link-local (cloud metadata lives there), unspecified
 * and multicast ranges.
 */
public final class Cidrs {

    static final int MIN_IPV4_PREFIX = 8;
    static final int MIN_IPV6_PREFIX = 32;
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final List<Block> FORBIDDEN = List.of(
            block("0.0.0.0", 8, "the unspecified range 0.0.0.0/8"),
            block("127.0.0.0", 8, "loopback (127.0.0.0/8)"),
            block("169.254.0.0", 16, "link-local (169.254.0.0/16)"),
            block("224.0.0.0", 4, "multicast (224.0.0.0/4)"),
            block("::", 128, "the unspecified address ::"),
            block("::1", 128, "loopback (::1)"),
            block("fe80::", 10, "link-local (fe80::/10)"),
            block("ff00::", 8, "multicast (ff00::/8)"));

    private Cidrs() {
    }

    /** A block in canonical form ({@code 10.0.0.5/32}), or why {@code text} is not an acceptable one. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(String cidr) implements Result {
    }

    public record Invalid(String reason) implements Result {
    }

    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("is required");
        }
        if (text.length() > 49) {
            return new Invalid("is not an IPv4 or IPv6 address or CIDR block");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefixText = slash < 0 ? null : text.substring(slash + 1);
        InetAddress ip = literal(address);
        if (ip == null) {
            return new Invalid("is not an IPv4 or IPv6 address or CIDR block");
        }
        int bits = ip.getAddress().length * 8;
        if (prefixText != null && !PREFIX.matcher(prefixText).matches()) {
            return new Invalid("has an invalid prefix length '" + prefixText + "'");
        }
        int prefix = prefixText == null ? bits : Integer.parseInt(prefixText);
        if (prefix > bits) {
            return new Invalid("has a prefix length above /" + bits);
        }
        int minimum = bits == 32 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
        if (prefix < minimum) {
            return new Invalid("is wider than /" + minimum + ": a mirror is an address or a small block, not the"
                    + " internet");
        }
        BigInteger value = new BigInteger(1, ip.getAddress());
        BigInteger network = value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        Block candidate = new Block(network, prefix, bits, "");
        if (!network.equals(value)) {
            return new Invalid("has host bits set; did you mean " + format(network, bits) + "/" + prefix + "?");
        }
        for (Block forbidden : FORBIDDEN) {
            if (forbidden.overlaps(candidate)) {
                return new Invalid("must not include " + forbidden.what());
            }
        }
        return new Valid(format(network, bits) + "/" + prefix);
    }

    /** Only literals: a string with letters other than hex digits never reaches InetAddress, so nothing resolves. */
    private static InetAddress literal(String address) {
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && address.contains(":") && IPV6.matcher(address).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            InetAddress ip = InetAddress.getByName(address);
            // "::ffff:10.0.0.1" comes back as IPv4: make the admin write what they mean
            return v6 && !(ip instanceof Inet6Address) || v4 && !(ip instanceof Inet4Address) ? null : ip;
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    /** Dotted quad, or RFC 5952 IPv6: lower case, no leading zeros, the longest run of zero groups as "::". */
    private static String format(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        if (bits == 32) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static Block block(String address, int prefix, String what) {
        InetAddress ip = literal(address);
        return new Block(new BigInteger(1, ip.getAddress()), prefix, ip.getAddress().length * 8, what);
    }

    private record Block(BigInteger network, int prefix, int bits, String what) {

        /** Two blocks of one family overlap exactly when they agree on the bits of the shorter prefix. */
        boolean overlaps(Block other) {
            if (bits != other.bits) {
                return false;
            }
            int shift = bits - Math.min(prefix, other.prefix);
            return network.shiftRight(shift).equals(other.network.shiftRight(shift));
        }
    }
}
