package eu.enclave.egress.checks.table;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a column's role from its header, in French and English and with the SNDS's variable names. A header
 * is lower-cased, stripped of accents and cut into words at every non-letter, non-digit ({@code Nb_patients},
 * {@code Effectif (n)}, {@code nombre de séjours}); whole names are looked up first, then words.
 */
public final class HeaderWords {

    private static final Set<String> PERSON_ID = Set.of("ben_nir_psa", "ben_nir_ano", "ben_nir_idt", "nir_ano_17",
            "nir_ano", "nir_psa", "ben_idt_ano", "id_patient", "patient_id", "num_patient", "numero_patient", "ipp",
            "pseudo", "pseudonyme", "pseudonym", "id_pseudo", "person_id", "subject_id", "id_individu", "id_personne",
            "id_beneficiaire", "num_enq", "id_sujet", "nir");
    private static final Set<String> BIRTH_OR_DEATH = Set.of("date_naissance", "date_de_naissance", "dt_naissance",
            "datenaissance", "ddn", "dob", "birth_date", "birthdate", "date_of_birth", "ben_nai_ann", "ben_nai_moi",
            "ben_nai_dte", "ben_dcd_dte", "ben_dcd_ame", "date_deces", "date_de_deces", "dt_deces", "date_dc", "dcd_dte",
            "dod", "death_date", "date_of_death", "deathdate", "ddc");
    private static final Set<String> PLACE = Set.of("code_commune", "commune", "com", "code_insee", "insee",
            "code_postal", "cp", "codepostal", "postal_code", "postcode", "zip", "zipcode", "zip_code", "ben_res_com",
            "ben_res_cp", "commune_residence", "cog", "depcom", "iris", "code_iris");
    private static final Set<String> STAY = Set.of("num_sejour", "numero_sejour", "id_sejour", "sejour_id",
            "num_sej", "rsa_num", "nda", "num_rss", "rss_num", "stay_id", "admission_id", "encounter_id", "visit_id",
            "id_hospitalisation", "eta_num_rsa_num");
    private static final Set<String> AGE = Set.of("age", "ben_age", "age_ans", "age_annees", "age_at_index",
            "age_inclusion", "age_diag", "age_years");
    private static final Set<String> TOTAL_WORDS = Set.of("total", "totaux", "ensemble", "all", "tous", "toutes",
            "overall", "tot", "grand_total", "sum_total");
    private static final Set<String> COUNT_WORDS = Set.of("n", "nb", "nbr", "nbre", "nombre", "effectif", "effectifs",
            "eff", "count", "counts", "cnt", "freq", "frequency", "frequence", "frequences", "frequencies", "cases",
            "cas", "obs", "observations", "patients", "beneficiaires", "sejours", "deces", "deaths", "events",
            "evenements", "individus", "personnes", "people");
    private static final Set<String> MAGNITUDE_WORDS = Set.of("sum", "somme", "montant", "montants", "amount",
            "amounts", "cost", "costs", "cout", "couts", "mean", "moyenne", "avg", "average", "median", "mediane",
            "depense", "depenses", "expenditure", "remboursement", "remboursements", "rembourse", "prix", "price",
            "valeur", "value", "revenue", "revenu", "income", "duree", "duration", "dose", "std", "sd", "ecart");
    private static final Set<String> PERCENT_WORDS = Set.of("pct", "percent", "percentage", "pourcentage",
            "pourcent", "taux", "rate", "ratio", "prop", "proportion", "share", "part", "prevalence", "incidence");
    private static final Set<String> DIMENSION_WORDS = Set.of("annee", "year", "an", "mois", "month", "trimestre",
            "quarter", "semaine", "week", "jour", "day", "date", "periode", "period", "code", "libelle", "label",
            "id", "rang", "rank", "region", "reg", "dept", "departement", "dep", "sexe", "sex", "gender", "classe",
            "class", "groupe", "group", "categorie", "category", "tranche", "type", "modalite", "variable", "cim10",
            "cim", "atc", "ccam", "ghm", "diag", "diagnostic", "etablissement", "finess", "specialite");

    private HeaderWords() {
    }

    /** The header as the checks compare it: lower case, no accents, words joined by {@code _}. */
    public static String normalise(String header) {
        String stripped = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(stripped.length());
        boolean gap = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = Character.toLowerCase(stripped.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append('_');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    public static ColumnRole roleOf(String header) {
        String name = normalise(header);
        if (name.isEmpty()) {
            return ColumnRole.UNKNOWN;
        }
        if (PERSON_ID.contains(name)) {
            return ColumnRole.PERSON_ID;
        }
        if (BIRTH_OR_DEATH.contains(name)) {
            return ColumnRole.BIRTH_OR_DEATH_DATE;
        }
        if (PLACE.contains(name)) {
            return ColumnRole.PLACE;
        }
        if (STAY.contains(name)) {
            return ColumnRole.STAY_ID;
        }
        if (AGE.contains(name)) {
            return ColumnRole.AGE;
        }
        if (TOTAL_WORDS.contains(name)) {
            return ColumnRole.TOTAL;
        }
        List<String> words = Arrays.asList(name.split("_"));
        if (words.contains("naissance") || words.contains("birth") || words.contains("deces")
                || words.contains("death")) {
            return words.contains("date") || words.contains("dt") || words.contains("dte") ? ColumnRole.BIRTH_OR_DEATH_DATE
                    : ColumnRole.DIMENSION;
        }
        if (words.stream().anyMatch(PERCENT_WORDS::contains) || header.contains("%")) {
            return ColumnRole.PERCENT;
        }
        if (words.stream().anyMatch(MAGNITUDE_WORDS::contains)) {
            return ColumnRole.MAGNITUDE;
        }
        if (words.stream().anyMatch(COUNT_WORDS::contains)) {
            return ColumnRole.COUNT;
        }
        if (words.stream().anyMatch(TOTAL_WORDS::contains)) {
            return ColumnRole.TOTAL;
        }
        if (words.stream().anyMatch(DIMENSION_WORDS::contains)) {
            return ColumnRole.DIMENSION;
        }
        return ColumnRole.UNKNOWN;
    }

    /** A row label that names a margin ({@code Total}, {@code Ensemble}, {@code All}...). */
    public static boolean isTotalLabel(String label) {
        String name = normalise(label);
        return TOTAL_WORDS.contains(name) || name.startsWith("total_") || name.startsWith("ensemble_")
                || name.startsWith("sous_total");
    }
}
