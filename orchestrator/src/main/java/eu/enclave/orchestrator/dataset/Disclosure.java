package eu.enclave.orchestrator.dataset;

/**
 * How outputs derived from a dataset are checked before they leave: the egress review's statistical disclosure
 * rules for this dataset.
 *
 * @param minimumCellCount  the smallest count a table cell may show (11 by default: SNDS publications mask counts
 *                          from 1 to 10)
 * @param dominancePercent  the share of a cell's total, in percent, that its largest contributor may hold; null when
 *                          dominance is not checked
 */
public record Disclosure(int minimumCellCount, Integer dominancePercent) {

    public static final int DEFAULT_MINIMUM_CELL_COUNT = 11;
    public static final Disclosure DEFAULT = new Disclosure(DEFAULT_MINIMUM_CELL_COUNT, null);
}
