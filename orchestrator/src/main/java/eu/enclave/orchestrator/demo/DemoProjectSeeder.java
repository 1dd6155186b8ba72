package eu.enclave.orchestrator.demo;

import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.template.AllowedTemplatesInput;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.template.TemplateCatalogue;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.DemoUserSeeder;
import eu.enclave.platform.identity.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: an active project {@code demo} with the demo PI, researcher and both reviewers, allowed the
 * {@code linux-desktop} template, created through the same services (and so the same audit trail) as anything an
 * admin does.
 */
@Component
@ConditionalOnProperty(name = "enclave.demo.enabled", havingValue = "true")
class DemoProjectSeeder implements ApplicationRunner, Ordered {

    static final String SLUG = "demo";
    static final String TEMPLATE = "linux-desktop";

    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final MembershipService memberships;
    private final UserDirectory users;
    private final Clock clock;
    private final ProjectTemplates projectTemplates;
    private final TemplateCatalogue catalogue;

    DemoProjectSeeder(ProjectRepository projects, ProjectService projectService, MembershipService memberships,
                      UserDirectory users, Clock clock, ProjectTemplates projectTemplates,
                      TemplateCatalogue catalogue) {
        this.projects = projects;
        this.projectService = projectService;
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
        this.projectTemplates = projectTemplates;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (projects.slugExists(SLUG)) {
            return;
        }
        CurrentUser admin = users.findByUsername("admin").orElseThrow(() ->
                new IllegalStateException("the demo directory must contain 'admin' to seed the demo project"));
        LocalDate today = LocalDate.now(clock);
        projectService.create(admin, new ProjectDraft(SLUG, "Demo cohort study",
                "A seeded project to try Enclave with the demo users.", "MR-004 (demo)", "DPIA-DEMO-001",
                today.minusDays(1), today.plusYears(1), "pi"));
        projectService.changeStatus(admin, SLUG, ProjectStatus.ACTIVE, "demo seed");
        memberships.add(admin, SLUG, new NewMember("researcher", ProjectRole.RESEARCHER, null, null));
        memberships.add(admin, SLUG, new NewMember("reviewer", ProjectRole.REVIEWER, null, null));
        if (users.findByUsername("reviewer2").isPresent()) { // a demo directory of one's own may lack them
            memberships.add(admin, SLUG, new NewMember("reviewer2", ProjectRole.REVIEWER, null, null));
        }
        if (catalogue.contains(TEMPLATE)) { // a catalogue of one's own (enclave.templates.location) may lack it
            projectTemplates.replace(admin, SLUG, new AllowedTemplatesInput(List.of(TEMPLATE)));
        }
    }

    @Override
    public int getOrder() {
        return DemoUserSeeder.ORDER + 1;
    }
}
