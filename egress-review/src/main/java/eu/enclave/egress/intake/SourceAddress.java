package eu.enclave.egress.intake;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address a call really came from: the TCP peer as the server saw it, never a forwarded header (the production
 * profile trusts {@code X-Forwarded-For} for people behind the ingress, but a workspace could write one itself), so
 * request wrappers are unwrapped down to the container's own request.
 */
final class SourceAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SourceAddress() {
    }

    static String of(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner.getRemoteAddr();
    }

    /** Whether two IP literals name the same address (IPv4-mapped IPv6 and IPv4 alike); never a DNS lookup. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (!isLiteral(a) || !isLiteral(b)) {
            return a.equalsIgnoreCase(b);
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteral(String address) {
        return IPV4.matcher(address).matches() || (address.contains(":") && address.matches("[0-9A-Fa-f:.%\\[\\]a-z]+"));
    }
}
