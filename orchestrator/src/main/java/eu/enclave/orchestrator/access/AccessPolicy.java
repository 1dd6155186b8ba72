package eu.enclave.orchestrator.access;

import eu.enclave.orchestrator.membership.Membership;
import eu.enclave.orchestrator.membership.MembershipRepository;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.web.AuditAccess;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's one authorization policy. Every rule is a pair: {@code canX} answers (for pages, to
 * show or hide an action) and {@code checkCanX} refuses. A project the user may not see is reported as
 * absent, so that its existence does not leak; an action on a visible project is refused with 403.
 * Memberships count only between their start and end dates.
 */
@Component
public class AccessPolicy implements AuditAccess {

    private final MembershipRepository memberships;
    private final Clock clock;

    AccessPolicy(MembershipRepository memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    public Set<ProjectRole> rolesIn(CurrentUser user, Project project) {
        return memberships.activeRoles(project.id(), user.id(), LocalDate.now(clock));
    }

    /** The user's current roles in each project where they hold any, for listing many projects at once. */
    public Map<UUID, Set<ProjectRole>> rolesByProject(CurrentUser user) {
        return memberships.activeRolesByProject(user.id(), LocalDate.now(clock));
    }

    public boolean canSeeAllProjects(CurrentUser user) {
        return user.isAdmin() || user.isSteward();
    }

    public boolean canView(CurrentUser user, Project project) {
        return canSeeAllProjects(user) || !rolesIn(user, project).isEmpty();
    }

    public void checkCanView(CurrentUser user, Project project) {
        if (!canView(user, project)) {
            throw noSuchProject(project.slug());
        }
    }

    /** The project's namespace and its reconcile status: whoever sees the project. */
    public boolean canViewClusterStatus(CurrentUser user, Project project) {
        return canView(user, project);
    }

    public void checkCanViewClusterStatus(CurrentUser user, Project project) {
        checkCanView(user, project);
    }

    public boolean canCreateProject(CurrentUser user) {
        return user.isAdmin();
    }

    public void checkCanCreateProject(CurrentUser user) {
        if (!canCreateProject(user)) {
            throw ApiException.forbidden("Only platform admins create projects.");
        }
    }

    public boolean canEditProject(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanEditProject(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canEditProject(user, project)) {
            throw ApiException.forbidden("Only platform admins edit a project's details.");
        }
    }

    public boolean canChangeStatus(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanChangeStatus(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canChangeStatus(user, project)) {
            throw ApiException.forbidden("Only platform admins change a project's status.");
        }
    }

    public boolean canManageMembers(CurrentUser user, Project project) {
        return user.isAdmin() || rolesIn(user, project).contains(ProjectRole.PI);
    }

    public boolean canAddMember(CurrentUser user, Project project, ProjectRole role) {
        return role == ProjectRole.PI ? user.isAdmin() : canManageMembers(user, project);
    }

    public void checkCanAddMember(CurrentUser user, Project project, ProjectRole role) {
        checkCanView(user, project);
        if (role == ProjectRole.PI && !user.isAdmin()) {
            throw ApiException.forbidden("Only platform admins appoint a principal investigator.");
        }
        if (!canAddMember(user, project, role)) {
            throw ApiException.forbidden("Only the project's principal investigator or an admin manage members.");
        }
    }

    public boolean canRemoveMember(CurrentUser user, Project project, Membership member) {
        return canAddMember(user, project, member.role());
    }

    public void checkCanRemoveMember(CurrentUser user, Project project, Membership member) {
        checkCanAddMember(user, project, member.role());
    }

    /** A project's quota and mirrors: whoever sees the project (admins, stewards, current members). */
    public boolean canReadClusterSettings(CurrentUser user, Project project) {
        return canView(user, project);
    }

    public void checkCanReadClusterSettings(CurrentUser user, Project project) {
        checkCanView(user, project);
    }

    public boolean canEditClusterSettings(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanEditClusterSettings(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canEditClusterSettings(user, project)) {
            throw ApiException.forbidden("Only platform admins change a project's quota and mirrors.");
        }
    }

    @Override
    public void checkCanReadAudit(CurrentUser user) {
        if (!canReadAudit(user)) {
            throw ApiException.forbidden("Only platform admins read the audit trail.");
        }
    }

    public boolean canReadAudit(CurrentUser user) {
        return user.isAdmin();
    }

    /**
     * The proof of deletion of a project's namespace: platform admins and stewards, who answer for the data's
     * lifecycle. A member sees that the project is archived, not this record (403); anyone else, nothing (404).
     */
    public boolean canViewDeletionRecord(CurrentUser user, Project project) {
        return user.isAdmin() || user.isSteward();
    }

    public void checkCanViewDeletionRecord(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canViewDeletionRecord(user, project)) {
            throw ApiException.forbidden("Only platform admins and stewards read a project's proof of deletion.");
        }
    }


    /** Which workspace templates a project may use: whoever sees the project. */
    public boolean canReadProjectTemplates(CurrentUser user, Project project) {
        return canView(user, project);
    }

    public void checkCanReadProjectTemplates(CurrentUser user, Project project) {
        checkCanView(user, project);
    }

    public boolean canEditProjectTemplates(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanEditProjectTemplates(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canEditProjectTemplates(user, project)) {
            throw ApiException.forbidden("Only platform admins choose a project's workspace templates.");
        }
    }

    public static ApiException noSuchProject(String slug) {
        return ApiException.notFound("slug", "No project '" + slug + "'.");
    }

    /** Which secret paths and database leases a project has (never their values): platform admins only. */
    public boolean canViewSecrets(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanViewSecrets(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canViewSecrets(user, project)) {
            throw ApiException.forbidden("Only platform admins see a project's secret paths and leases.");
        }
    }

    /** The dataset catalogue, storage sources included: admins, who register datasets, and stewards, who approve them. */
    public boolean canReadDatasets(CurrentUser user) {
        return user.isAdmin() || user.isSteward();
    }

    public void checkCanReadDatasets(CurrentUser user) {
        if (!canReadDatasets(user)) {
            throw ApiException.forbidden("Only platform admins and data stewards read the dataset catalogue.");
        }
    }

    public boolean canManageDatasets(CurrentUser user) {
        return user.isAdmin();
    }

    public void checkCanManageDatasets(CurrentUser user) {
        if (!canManageDatasets(user)) {
            throw ApiException.forbidden("Only platform admins register and change datasets.");
        }
    }

    /**
     * A project's dataset approvals: whoever sees the project. Members see the current ones, with dataset names and
     * mount points but never storage details; admins and stewards also see ended and revoked ones.
     */
    public boolean canViewDatasetApprovals(CurrentUser user, Project project) {
        return canView(user, project);
    }

    public void checkCanViewDatasetApprovals(CurrentUser user, Project project) {
        checkCanView(user, project);
    }

    public boolean canViewApprovalHistory(CurrentUser user, Project project) {
        return canSeeAllProjects(user);
    }

    /** Approving and revoking access to data is the data steward's decision alone (an admin may also be one). */
    public boolean canDecideDatasetAccess(CurrentUser user, Project project) {
        return user.isSteward();
    }

    public void checkCanDecideDatasetAccess(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canDecideDatasetAccess(user, project)) {
            throw ApiException.forbidden("Only data stewards approve and revoke access to datasets.");
        }
    }
    // Workspaces. The owner alone starts, deletes and (later) opens a workspace. The project's PI and platform
    // admins also see every workspace of the project and may stop one (to free the quota, or for safety), but
    // never start, open or delete it. Anyone else is told it does not exist (404).

    /** Whether the user sees all of the project's workspaces, not only their own. */
    public boolean canSeeAllWorkspaces(CurrentUser user, Project project) {
        return user.isAdmin() || rolesIn(user, project).contains(ProjectRole.PI);
    }

    /** Current researchers and PIs of the project; reviewers only review. */
    public boolean canCreateWorkspace(CurrentUser user, Project project) {
        Set<ProjectRole> roles = rolesIn(user, project);
        return roles.contains(ProjectRole.RESEARCHER) || roles.contains(ProjectRole.PI);
    }

    public void checkCanCreateWorkspace(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canCreateWorkspace(user, project)) {
            throw ApiException.forbidden("Only the project's current researchers create workspaces.");
        }
    }

    public boolean canSeeWorkspace(CurrentUser user, Project project, UUID workspaceOwner) {
        return canView(user, project)
                && (user.id().equals(workspaceOwner) || canSeeAllWorkspaces(user, project));
    }

    public void checkCanSeeWorkspace(CurrentUser user, Project project, UUID workspaceOwner, String name) {
        if (!canSeeWorkspace(user, project, workspaceOwner)) {
            throw noSuchWorkspace(name);
        }
    }

    /** Start, delete, open: the owner, while still a researcher or PI of the project. */
    public boolean canUseWorkspace(CurrentUser user, Project project, UUID workspaceOwner) {
        return user.id().equals(workspaceOwner) && canCreateWorkspace(user, project);
    }

    public void checkCanUseWorkspace(CurrentUser user, Project project, UUID workspaceOwner, String name) {
        checkCanSeeWorkspace(user, project, workspaceOwner, name);
        if (!canUseWorkspace(user, project, workspaceOwner)) {
            throw ApiException.forbidden("Only the workspace's owner starts, opens or deletes it.");
        }
    }

    public boolean canStopWorkspace(CurrentUser user, Project project, UUID workspaceOwner) {
        return canUseWorkspace(user, project, workspaceOwner) || canSeeAllWorkspaces(user, project);
    }

    public void checkCanStopWorkspace(CurrentUser user, Project project, UUID workspaceOwner, String name) {
        checkCanSeeWorkspace(user, project, workspaceOwner, name);
        if (!canStopWorkspace(user, project, workspaceOwner)) {
            throw ApiException.forbidden("Only the workspace's owner, the project's PI or an admin stop it.");
        }
    }

    public static ApiException noSuchWorkspace(String name) {
        return ApiException.notFound("name", "No workspace '" + name + "' in this project.");
    }

    /**
     * A workspace's desktop opens only for its owner, while a current member of an active project. Admins are no
     * exception: a desktop shows the owner's data and session. Answers why not, for the audit trail and the user.
     */
    public DesktopAccess desktopAccess(CurrentUser user, Project project, UUID workspaceOwner) {
        if (rolesIn(user, project).isEmpty()) {
            return DesktopAccess.NOT_A_MEMBER;
        }
        if (!user.id().equals(workspaceOwner)) {
            return DesktopAccess.NOT_OWNER;
        }
        if (project.status() != ProjectStatus.ACTIVE) {
            return DesktopAccess.PROJECT_NOT_ACTIVE;
        }
        return DesktopAccess.ALLOWED;
    }

    public boolean canOpenDesktop(CurrentUser user, Project project, UUID workspaceOwner) {
        return desktopAccess(user, project, workspaceOwner) == DesktopAccess.ALLOWED;
    }

    /** A project's desktop settings (clipboard, recording, session limits): whoever sees the project. */
    public boolean canReadDesktopSettings(CurrentUser user, Project project) {
        return canView(user, project);
    }

    public void checkCanReadDesktopSettings(CurrentUser user, Project project) {
        checkCanView(user, project);
    }

    public boolean canEditDesktopSettings(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanEditDesktopSettings(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canEditDesktopSettings(user, project)) {
            throw ApiException.forbidden("Only platform admins change a project's desktop settings.");
        }
    }

    /** Session recordings show what researchers did and saw: platform admins only. */
    public boolean canListDesktopRecordings(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanListDesktopRecordings(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canListDesktopRecordings(user, project)) {
            throw ApiException.forbidden("Only platform admins list a project's session recordings.");
        }
    }

    /** Linking a project to a data-warehouse role (what its workspaces may read): platform admins only. */
    public boolean canLinkDatabaseRole(CurrentUser user, Project project) {
        return user.isAdmin();
    }

    public void checkCanLinkDatabaseRole(CurrentUser user, Project project) {
        checkCanView(user, project);
        if (!canLinkDatabaseRole(user, project)) {
            throw ApiException.forbidden("Only platform admins link a project to a database role.");
        }
    }

    /**
     * The details of the health endpoint (addresses, the cluster's and Vault's reasons, who leads): platform admins
     * only; everyone else, signed in or not, sees the status alone. No check pair: the endpoint shows less, it
     * never refuses.
     */
    public boolean canSeeHealthDetails(CurrentUser user) {
        return user.isAdmin();
    }
}
