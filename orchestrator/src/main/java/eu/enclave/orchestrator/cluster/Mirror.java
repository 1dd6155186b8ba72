package eu.enclave.orchestrator.cluster;

/**
 * A package mirror an admin allowed a project to reach (CRAN, PyPI, Conda proxies inside the platform).
 * Network policies match addresses, not names, so the address is a CIDR; a hostname, when given, is what
 * the workspaces will resolve, which is the only reason DNS egress is ever opened.
 *
 * @param name     what it is, for people (e.g. "cran")
 * @param cidr     IPv4 or IPv6 address block the mirror answers from
 * @param port     TCP port
 * @param hostname name workspaces use to reach it, or null when they use the address itself
 */
public record Mirror(String name, String cidr, int port, String hostname) {

    public boolean needsDns() {
        return hostname != null && !hostname.isBlank();
    }
}
