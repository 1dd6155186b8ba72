package eu.enclave.deploy.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./enclave render-chart [--namespace NS] [--values FILE]}: prints the manifests the chart would install, through
 * the Helm library (no helm binary), for review or {@code kubectl apply --dry-run=server}. To standard output, or to
 * the file named by the system property {@code render.output} (the launcher's way of keeping Maven's messages out of
 * the manifests). A refused value or rule: its message on standard error, exit status 1.
 */
public final class RenderChart {

    private RenderChart() {
    }

    public static void main(String[] args) {
        String namespace = EnclaveChart.NAMESPACE;
        Path values = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--namespace") || arg.equals("--values")) && i + 1 < args.length) {
                String value = args[++i];
                if (arg.equals("--namespace")) {
                    namespace = value;
                } else {
                    values = Path.of(value).toAbsolutePath();
                }
            } else {
                usage("unknown or incomplete argument: " + arg);
            }
        }
        if (values != null && !Files.isRegularFile(values)) {
            usage("--values " + values + ": no such file");
        }
        String manifests;
        try {
            manifests = EnclaveChart.render(namespace, values, Map.of());
        } catch (IllegalStateException e) {
            System.err.println("render-chart: " + e.getMessage());
            System.exit(1);
            return;
        }
        String output = System.getProperty("render.output", "");
        try {
            if (output.isEmpty()) {
                System.out.print(manifests);
                System.out.flush();
            } else {
                Files.writeString(Path.of(output), manifests, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.err.println("render-chart: cannot write " + output + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("render-chart: " + problem);
        System.err.println("usage: ./enclave render-chart [--namespace NS] [--values FILE]");
        System.exit(2);
    }
}
