package eu.enclave.egress.checks;

import eu.enclave.egress.checks.acro.AcroResultsRule;
import eu.enclave.egress.checks.engine.Check;
import eu.enclave.egress.checks.engine.RuleSet;
import eu.enclave.egress.checks.history.DifferencingRule;
import eu.enclave.egress.checks.rules.ActiveContentRule;
import eu.enclave.egress.checks.rules.ArchiveMemberRule;
import eu.enclave.egress.checks.rules.BirthDateRule;
import eu.enclave.egress.checks.rules.ContributorCountRule;
import eu.enclave.egress.checks.rules.CustomPatternRule;
import eu.enclave.egress.checks.rules.EmailRule;
import eu.enclave.egress.checks.rules.FileTypeRule;
import eu.enclave.egress.checks.rules.FormulaRule;
import eu.enclave.egress.checks.rules.ImageMetadataRule;
import eu.enclave.egress.checks.rules.ImageReviewRule;
import eu.enclave.egress.checks.rules.ModelDofRule;
import eu.enclave.egress.checks.rules.NirRule;
import eu.enclave.egress.checks.rules.NkDominanceRule;
import eu.enclave.egress.checks.rules.PPercentRule;
import eu.enclave.egress.checks.rules.PdfHiddenContentRule;
import eu.enclave.egress.checks.rules.PdfTablesRule;
import eu.enclave.egress.checks.rules.PhoneRule;
import eu.enclave.egress.checks.rules.QuasiIdentifierRule;
import eu.enclave.egress.checks.rules.RaggedRowsRule;
import eu.enclave.egress.checks.rules.RecordLevelRule;
import eu.enclave.egress.checks.rules.RppsRule;
import eu.enclave.egress.checks.rules.SecondaryDisclosureRule;
import eu.enclave.egress.checks.rules.SmallCountRule;
import eu.enclave.egress.checks.rules.SpreadsheetHiddenContentRule;
import eu.enclave.egress.checks.rules.UnclassifiedNumbersRule;
import eu.enclave.egress.checks.rules.UnreadableRule;
import eu.enclave.egress.checks.rules.ZerosRule;
import java.util.List;

/**
 * Every rule of the engine, listed once. docs/checks.md has a row per rule (id, what it checks, its default and
 * the source of that default); {@code RuleRegistryTest} keeps the two in step.
 */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    public static List<Check> all() {
        return List.of(
                new FileTypeRule(),
                new UnreadableRule(),
                new SmallCountRule(),
                new ZerosRule(),
                new SecondaryDisclosureRule(),
                new NkDominanceRule(),
                new PPercentRule(),
                new ContributorCountRule(),
                new UnclassifiedNumbersRule(),
                new RaggedRowsRule(),
                new RecordLevelRule(),
                new FormulaRule(),
                new ModelDofRule(),
                new NirRule(),
                new RppsRule(),
                new EmailRule(),
                new PhoneRule(),
                new BirthDateRule(),
                new CustomPatternRule(),
                new QuasiIdentifierRule(),
                new SpreadsheetHiddenContentRule(),
                new PdfHiddenContentRule(),
                new PdfTablesRule(),
                new ImageMetadataRule(),
                new ImageReviewRule(),
                new ActiveContentRule(),
                new ArchiveMemberRule(),
                new AcroResultsRule(),
                new DifferencingRule());
    }

    public static RuleSet ruleSet() {
        return new RuleSet(all());
    }
}
