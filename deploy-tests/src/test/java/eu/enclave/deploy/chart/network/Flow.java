package eu.enclave.deploy.chart.network;

/** A connection from one endpoint to another's port. */
public record Flow(Endpoint from, Endpoint to, String protocol, int port) {

    public static Flow tcp(Endpoint from, Endpoint to, int port) {
        return new Flow(from, to, "TCP", port);
    }

    @Override
    public String toString() {
        return from + " -> " + to + ":" + port + "/" + protocol;
    }
}
