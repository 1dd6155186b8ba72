package eu.enclave.egress.checks.table;

/** What a column holds, as its header says (in French or English, SNDS names included). */
public enum ColumnRole {
    /** frequencies: n, nb, effectif, count, freq... */
    COUNT,
    /** a margin: total, ensemble, all */
    TOTAL,
    /** magnitudes whose cells need dominance rules: sum, montant, mean... */
    MAGNITUDE,
    /** shares and rates (they can reveal small counts with their denominators; reported, not judged) */
    PERCENT,
    /** a category or a key that is not identifying on its own */
    DIMENSION,
    /** a pseudonym or a person's key: one row per person */
    PERSON_ID,
    /** a date of birth or death */
    BIRTH_OR_DEATH_DATE,
    /** commune or postal code */
    PLACE,
    /** an age */
    AGE,
    /** a hospital stay's identifier */
    STAY_ID,
    /** the header says nothing the checks know */
    UNKNOWN;

    public boolean counts() {
        return this == COUNT || this == TOTAL;
    }
}
