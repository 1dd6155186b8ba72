package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.FAIL;
import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import java.util.Map;

/**
 * Archive members are checked one by one; a member whose path climbs out ({@code ..}) or is absolute is refused
 * (fail), an archive inside the archive is not opened ({@code review}), nor an encrypted member.
 */
public final class ArchiveMemberRule extends FactRule {

    public static final String ID = "archive.member";

    public ArchiveMemberRule() {
        super(ID, Types.ARCHIVES, Map.of(
                Kind.ARCHIVE_MEMBER_PATH, new Meaning(FAIL, "Member path '%s' leaves the archive (.. or an "
                        + "absolute path): refused.", "Le chemin de membre « %s » sort de l'archive (.. ou chemin "
                        + "absolu) : refusé."),
                Kind.ARCHIVE_NESTED, new Meaning(REVIEW, "An archive inside the archive ('%s'): not opened.",
                        "Une archive dans l'archive (« %s ») : non ouverte."),
                Kind.ARCHIVE_ENCRYPTED_MEMBER, new Meaning(REVIEW, "An encrypted member ('%s'): it cannot be "
                        + "checked automatically.", "Un membre chiffré (« %s ») : il ne peut pas être vérifié "
                        + "automatiquement.")));
    }
}
