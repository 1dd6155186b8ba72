package eu.enclave.orchestrator.cluster.settings;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Kubernetes resource quantities: a plain decimal ({@code 16}, {@code 0.5}) with an optional
 * decimal ({@code k M G T P}) or binary ({@code Ki Mi Gi Ti Pi}) suffix, and {@code m} (thousandths) where the
 * caller allows it, as for CPU millicores. No sign, no exponent, no spaces: what an admin would type, and
 * nothing that Kubernetes would read differently.
 */
public final class Quantities {

    static final int MAX_LENGTH = 32;
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?");
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
            Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
            Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)));

    private Quantities() {
    }

    /**
     * The value of {@code text} in base units (cores, bytes), or empty when it is not a quantity.
     *
     * @param allowMilli whether the {@code m} suffix is accepted (CPU); for bytes it would mean millibytes
     */
    public static Optional<BigDecimal> parse(String text, boolean allowMilli) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        if (suffix.equals("m") && !allowMilli) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(m.group(1)).multiply(MULTIPLIERS.get(suffix)));
    }
}
