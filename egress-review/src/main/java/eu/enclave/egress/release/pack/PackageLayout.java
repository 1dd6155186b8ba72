package eu.enclave.egress.release.pack;

/** The names of the files of a release package (docs/release.md). */
public final class PackageLayout {

    public static final String OUTPUTS = "outputs/";
    public static final String CHECKS = "checks.json";
    public static final String DECISIONS = "decisions.json";
    public static final String RESULTS = "results.json";
    public static final String CRATE = RoCrateMetadata.NAME;
    public static final String SUMS = "SHA256SUMS";
    public static final String SIGNATURE = "SHA256SUMS.sig";

    private PackageLayout() {
    }
}
