package eu.enclave.orchestrator.dataset;

/** Disclosure settings as given to the API; an absent minimum is the default (11). */
public record DisclosureInput(Integer minimumCellCount, Integer dominancePercent) {
}
