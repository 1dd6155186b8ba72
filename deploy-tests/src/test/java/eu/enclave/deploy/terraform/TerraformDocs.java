package eu.enclave.deploy.terraform;

import java.util.Map;
import java.util.stream.Collectors;

/** The inputs and outputs tables of a module's or example's README, from its variables and outputs. */
final class TerraformDocs {

    private TerraformDocs() {
    }

    static String tables(TerraformConfig config) {
        String inputs = config.named("variable").entrySet().stream()
                .map(e -> "| `" + e.getKey() + "` | " + type(e.getValue()) + " | "
                        + (e.getValue().containsKey("default") ? "no" : "yes") + " | "
                        + cell(e.getValue().get("description")) + " |")
                .collect(Collectors.joining("\n"));
        String outputs = config.named("output").entrySet().stream()
                .map(e -> "| `" + e.getKey() + "` | " + (Boolean.TRUE.equals(e.getValue().get("sensitive")) ? "yes" : "no")
                        + " | " + cell(e.getValue().get("description")) + " |")
                .collect(Collectors.joining("\n"));
        return "| input | type | required | description |\n| --- | --- | --- | --- |\n" + inputs + "\n\n"
                + "| output | sensitive | description |\n| --- | --- | --- |\n" + outputs + "\n";
    }

    /** hcl4j's type object printed as Terraform writes it, well enough for a reader: string, number, object... */
    static String type(Map<String, Object> variable) {
        Object type = variable.get("type");
        if (type == null) {
            return "";
        }
        String text = type.toString();
        int colon = text.lastIndexOf(':');
        return colon >= 0 ? text.substring(colon + 1) : text;
    }

    private static String cell(Object text) {
        return text == null ? "" : text.toString().replace("|", "\\|").replace("\n", " ");
    }
}
