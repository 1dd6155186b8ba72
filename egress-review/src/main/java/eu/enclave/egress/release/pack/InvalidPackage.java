package eu.enclave.egress.release.pack;

/** The contents given for a package cannot make one (a bad name, a duplicate path, a JSON file that is not JSON). */
public class InvalidPackage extends IllegalArgumentException {

    public InvalidPackage(String message) {
        super(message);
    }
}
