package eu.enclave.orchestrator.portal;

import static eu.enclave.orchestrator.support.HtmlPages.text;
import static eu.enclave.orchestrator.support.PortalSessions.sameSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.cluster.settings.ClusterSettingsService;
import eu.enclave.orchestrator.cluster.settings.MirrorInput;
import eu.enclave.orchestrator.cluster.settings.MirrorsInput;
import eu.enclave.orchestrator.cluster.settings.QuotaInput;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.support.HtmlPages;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's pages, rendered for the demo users: who sees what, which actions are offered, and how refusals
 * and form errors are shown. Same context as {@link PortalBrowserTest}, so that the two share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PortalPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectRepository projectRepository;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClusterSettingsService clusterSettings;

    // --- sign-in and layout -------------------------------------------------------------------------------

    @Test
    void anonymousIsSentToTheSignInPage() throws Exception {
        MockHttpServletResponse response = perform(get("/"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void signingInWithTheFormIsAuditedAndAWrongPasswordToo() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM platform.audit_log", Long.class);

        MockHttpServletResponse refused = perform(post("/login").with(csrf())
                .param("username", "reviewer").param("password", "wrong"));
        MockHttpServletResponse accepted = perform(post("/login").with(csrf())
                .param("username", "reviewer").param("password", "demo"));

        assertThat(refused.getRedirectedUrl()).endsWith("/login?error");
        assertThat(accepted.getRedirectedUrl()).doesNotContain("error");
        assertThat(jdbc.queryForList("SELECT actor || ' ' || action || ' ' || details FROM platform.audit_log"
                + " WHERE seq > ? AND action LIKE 'auth.%' ORDER BY seq", String.class, before)).containsExactly(
                "anonymous auth.sign_in_failed {\"attemptedUsername\":\"reviewer\",\"reason\":\"BadCredentialsException\"}",
                "reviewer auth.signed_in {\"method\":\"password\"}");
    }

    @Test
    void signInPageListsTheDemoUsersAndShowsTheBanner() throws Exception {
        Document page = page(get("/login"), 200);

        assertThat(page.getElementById("login-form")).isNotNull();
        assertThat(page.select("#login-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("#demo-users tbody td:first-child").eachText())
                .containsExactly("admin", "steward", "pi", "researcher", "reviewer", "reviewer2", "checker");
        assertThat(page.select("#demo-users tbody tr").get(0).text()).contains("Platform admin");
        assertThat(text(page, "demo-banner")).contains("DEMO MODE — not for real data");
        assertThat(page.getElementById("current-user")).isNull();
    }

    @Test
    void signInPageReportsAFailureAndASignOut() throws Exception {
        assertThat(text(page(get("/login?error"), 200), "login-error")).contains("wrong");
        assertThat(text(page(get("/login?logout"), 200), "login-logout")).contains("signed out");
    }

    @Test
    void headerNamesTheUserTheirRolesAndOffersSignOutWithCsrf() throws Exception {
        Document page = page(get("/").with(user("admin")), 200);

        assertThat(text(page, "current-user")).contains("Alice Admin").contains("Platform admin");
        assertThat(page.select("form[action=/logout][method=post] input[name=_csrf]")).hasSize(1);
        assertThat(page.getElementById("nav-audit")).isNotNull();
        assertThat(page.select("#lang-switch a").eachText()).containsExactly("FR", "EN");
        assertThat(page.select("#lang-fr").attr("href")).isEqualTo("/?lang=fr");
        assertThat(page.select("#lang-en").attr("aria-current")).isEqualTo("true");
        assertThat(page.select("#lang-fr").hasAttr("aria-current")).isFalse();
    }

    @Test
    void frenchIsChosenWithLangAndRemembered() throws Exception {
        MockHttpServletResponse response = perform(get("/?lang=fr").with(user("researcher")));
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").text()).isEqualTo("Mes projets");
        assertThat(text(page, "demo-banner")).contains("MODE DÉMO — pas pour des données réelles");
        assertThat(page.select("#projects [data-test=status]").eachText()).contains("Actif");
        Cookie remembered = response.getCookie(PortalLocales.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(remembered.getValue()).isEqualTo("fr");

        Document next = page(get("/").with(user("researcher")).cookie(remembered), 200);
        assertThat(next.select("h1").text()).isEqualTo("Mes projets");
    }

    @Test
    void browserLanguageIsTheDefaultAndUnsupportedOnesFallBackToEnglish() throws Exception {
        Document french = page(get("/").with(user("researcher")).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8"), 200);
        assertThat(french.select("h1").text()).isEqualTo("Mes projets");

        Document english = page(get("/").with(user("researcher")).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"), 200);
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("h1").text()).isEqualTo("My projects");

        Document ignored = page(get("/?lang=de").with(user("researcher")).header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 200);
        assertThat(ignored.select("h1").text()).isEqualTo("My projects");
    }

    // --- projects -----------------------------------------------------------------------------------------

    @Test
    void researcherSeesTheDemoProjectWithTheirRole() throws Exception {
        Document page = page(get("/").with(user("researcher")), 200);

        Element row = page.selectFirst("#projects tr[data-slug=demo]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("Demo cohort study").contains("Active").contains("Researcher");
        assertThat(page.getElementById("new-project")).isNull();
        assertThat(page.getElementById("nav-audit")).isNull();
    }

    @Test
    void adminIsOfferedNewProject() throws Exception {
        assertThat(page(get("/").with(user("admin")), 200).getElementById("new-project")).isNotNull();
    }

    @Test
    void aProjectTheUserMayNotSeeIsNotFound() throws Exception {
        String slug = createProject(null);

        Document hidden = page(get("/projects/" + slug).with(user("researcher")), 404);
        assertThat(hidden.getElementById("error").attr("data-status")).isEqualTo("404");
        assertThat(hidden.select("h1").text()).isEqualTo("Not found");
        assertThat(hidden.text()).doesNotContain("Pilot");

        Document absent = page(get("/projects/no-such-project").with(user("researcher")), 404);
        assertThat(absent.getElementById("error").attr("data-status")).isEqualTo("404");
        assertThat(page(get("/").with(user("researcher")), 200).select("#projects tr[data-slug=" + slug + "]")).isEmpty();
    }

    @Test
    void aMemberSeesTheQuotaAndMirrorsInEnglishAndFrench() throws Exception {
        String slug = createProject("pi");
        Document defaults = page(get("/projects/" + slug).with(user("pi")), 200);
        assertThat(defaults.getElementById("quota-default")).isNotNull();
        assertThat(defaults.select("[data-test=quota-memory]").text()).isEqualTo("32Gi");
        assertThat(text(defaults, "mirrors-empty")).contains("no package mirror");

        clusterSettings.replaceQuota(person("admin"), slug, new QuotaInput("12", "48Gi", 1, 15, 25, "750Gi"));
        clusterSettings.replaceMirrors(person("admin"), slug, new MirrorsInput(List.of(
                new MirrorInput("cran", "10.20.0.5", 443, "cran.mirror.internal"),
                new MirrorInput("pypi", "10.20.0.6", 3128, null))));

        Document english = page(get("/projects/" + slug).with(user("pi")), 200);
        assertThat(text(english, "cluster-heading")).isEqualTo("Cluster resources");
        assertThat(english.getElementById("quota-default")).isNull();
        assertThat(english.select("#quota dd").eachText()).containsExactly("12", "48Gi", "1", "15", "25", "750Gi");
        assertThat(english.select("#mirrors tr[data-mirror]").eachAttr("data-mirror")).containsExactly("cran", "pypi");
        assertThat(english.selectFirst("#mirrors tr[data-mirror=cran]").text())
                .contains("10.20.0.5/32", "443", "cran.mirror.internal");
        assertThat(english.selectFirst("#mirrors tr[data-mirror=pypi]").text()).contains("by address only");

        Document french = page(get("/projects/" + slug + "?lang=fr").with(user("pi")), 200);
        assertThat(text(french, "cluster-heading")).isEqualTo("Ressources sur le cluster");
        assertThat(french.selectFirst("#mirrors tr[data-mirror=pypi]").text()).contains("par adresse uniquement");
    }

    @Test
    void anAdminChangesTheQuotaOnThePageAndOthersAreNotOffered() throws Exception {
        String slug = createProject("pi");
        assertThat(page(get("/projects/" + slug).with(user("pi")), 200).getElementById("quota-form")).isNull();
        assertThat(page(get("/projects/" + slug).with(user("steward")), 200).getElementById("quota-form")).isNull();
        Document form = page(get("/projects/" + slug).with(user("admin")), 200);
        assertThat(form.getElementById("quota-cpu").attr("value")).isEqualTo("8");
        assertThat(form.getElementById("quota-pods").attr("value")).isEqualTo("10");

        MockHttpServletResponse saved = perform(quotaForm(slug, "6", "24Gi", "0", "12", "5", "300Gi", "admin"));
        assertThat(saved.getRedirectedUrl()).isEqualTo("/projects/" + slug + "#cluster-settings");
        assertThat(clusterSettings.quota(person("admin"), slug).quota().cpu()).isEqualTo("6");
        assertThat(page(get("/projects/" + slug).with(user("pi")), 200).select("#quota dd").eachText())
                .containsExactly("6", "24Gi", "0", "12", "5", "300Gi");

        Document refused = page(quotaForm(slug, "6", "24Gi", "0", "12", "5", "300Gi", "pi"), 403);
        assertThat(refused.getElementById("error").attr("data-status")).isEqualTo("403");
    }

    @Test
    void aRefusedQuotaComesBackWithTheFormAndItsErrorsInFrench() throws Exception {
        String slug = createProject(null);
        long head = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM platform.audit_log", Long.class);

        MvcResult result = mvc.perform(quotaForm(slug, "lots", "32Gi", "ten", "10", "20", "2Pi", "admin"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + slug + "#quota-form");
        Document page = page(get("/projects/" + slug + "?lang=fr").with(user("admin"))
                .with(sameSession(result)), 200);
        assertThat(text(page, "quota-gpus-error")).isEqualTo("doit être un nombre entier");
        assertThat(page.getElementById("quota-gpus").attr("value")).isEqualTo("ten");
        assertThat(text(page, "notice")).contains("Le quota n’a pas été modifié");

        MvcResult second = mvc.perform(quotaForm(slug, "lots", "32Gi", "1", "10", "20", "2Pi", "admin")).andReturn();
        Document again = page(get("/projects/" + slug).with(user("admin")).with(sameSession(second)), 200);
        assertThat(text(again, "quota-cpu-error")).contains("Kubernetes quantity");
        assertThat(text(again, "quota-storage-error")).contains("at most 1Pi");
        assertThat(again.getElementById("quota-cpu").attr("value")).isEqualTo("lots");
        assertThat(clusterSettings.quota(person("admin"), slug).isDefault()).isTrue();
        assertThat(jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM platform.audit_log", Long.class))
                .isEqualTo(head);
    }

    @Test
    void researcherGetsNeitherStatusButtonsNorMemberActions() throws Exception {
        Document page = page(get("/projects/demo").with(user("researcher")), 200);

        assertThat(text(page, "project-title")).isEqualTo("Demo cohort study");
        assertThat(page.select("#members tr[data-username]").eachAttr("data-username"))
                .contains("pi", "researcher", "reviewer");
        assertThat(page.getElementById("status-actions")).isNull();
        assertThat(page.getElementById("add-member-form")).isNull();
        assertThat(page.select("#members button")).isEmpty();

        Document refused = page(post("/projects/demo/status").param("status", "suspended")
                .with(user("researcher")).with(csrf()), 403);
        assertThat(refused.getElementById("error").attr("data-status")).isEqualTo("403");
        assertThat(projects.get(person("admin"), "demo").status().toString()).isEqualTo("active");
    }

    @Test
    void adminSeesTheTransitionsOfTheTableAndMovesTheProject() throws Exception {
        String slug = createProject(null);

        Document draft = page(get("/projects/" + slug).with(user("admin")), 200);
        assertThat(draft.select("#status-actions button[name=status]").eachAttr("value")).containsExactly("active");

        MockHttpServletResponse moved = perform(post("/projects/" + slug + "/status").param("status", "active")
                .param("reason", "approved by the committee").with(user("admin")).with(csrf()));
        assertThat(moved.getRedirectedUrl()).isEqualTo("/projects/" + slug);

        Document active = page(get("/projects/" + slug).with(user("admin")), 200);
        assertThat(text(active, "project-status")).isEqualTo("Active");
        assertThat(active.select("#status-actions button[name=status]").eachAttr("value")).containsExactly("suspended");
        assertThat(active.select("#transition-suspended").attr("data-confirm")).startsWith("Suspend this project?");
    }

    @Test
    void anImpossibleTransitionIsReportedOnTheProjectPage() throws Exception {
        String slug = createProject(null);

        MvcResult result = mvc.perform(post("/projects/" + slug + "/status").param("status", "archived")
                .with(user("admin")).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + slug);
        Document page = page(get("/projects/" + slug).with(user("admin")).with(sameSession(result)), 200);
        assertThat(page.select("#notice.notice-error")).hasSize(1);
        assertThat(text(page, "notice")).contains("The status was not changed").contains("cannot become archived");
        assertThat(text(page, "project-status")).isEqualTo("Draft");
    }

    // --- new project form ---------------------------------------------------------------------------------

    @Test
    void aBadSlugIsShownBesideTheFieldAndNothingIsCreated() throws Exception {
        String slug = "Bad Slug!";
        Document page = page(newProject(slug, "A title", LocalDate.now(), LocalDate.now().plusMonths(6)), 400);

        assertThat(text(page, "slug-error")).contains("lower-case letters, digits and hyphens");
        assertThat(page.getElementById("slug").attr("value")).isEqualTo(slug);
        assertThat(page.getElementById("slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("title").attr("value")).isEqualTo("A title");
        assertThat(text(page, "form-errors")).startsWith("The project was not created");
        assertThat(page.getElementById("title-error")).isNull();
        assertThat(projectRepository.slugExists(slug)).isFalse();
        assertThat(projectRepository.slugExists("bad-slug")).isFalse();
    }

    @Test
    void missingFieldsAndServiceRefusalsAreShownBesideTheirFieldsInFrench() throws Exception {
        Document missing = page(post("/projects/new").param("slug", "").param("title", " ")
                .param("legalBasis", "").param("startDate", "").param("endDate", "not-a-date")
                .with(user("admin")).with(csrf()).cookie(new Cookie(PortalLocales.COOKIE, "fr")), 400);
        assertThat(text(missing, "slug-error")).isEqualTo("est obligatoire");
        assertThat(text(missing, "title-error")).isEqualTo("est obligatoire");
        assertThat(text(missing, "startDate-error")).isEqualTo("est obligatoire");
        assertThat(text(missing, "endDate-error")).isEqualTo("n’est pas une date valide");
        assertThat(missing.getElementById("endDate").attr("value")).isEqualTo("not-a-date");

        LocalDate start = LocalDate.now();
        Document taken = page(newProject("demo", "Another", start, start.plusDays(1)), 409);
        assertThat(text(taken, "slug-error")).isEqualTo("is already taken by another project");

        String slug = uniqueSlug();
        Document backwards = page(newProject(slug, "Backwards", start, start.minusDays(1)), 400);
        assertThat(text(backwards, "endDate-error")).isEqualTo("must not be before the start date");
        assertThat(projectRepository.slugExists(slug)).isFalse();
    }

    @Test
    void aValidFormCreatesTheProjectAndRedirectsToIt() throws Exception {
        String slug = uniqueSlug();
        MockHttpServletResponse response = perform(newProject(slug, "Created from the form", LocalDate.now(),
                LocalDate.now().plusYears(1)));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/projects/" + slug);
        assertThat(projectRepository.findBySlug(slug)).hasValueSatisfying(p -> {
            assertThat(p.title()).isEqualTo("Created from the form");
            assertThat(p.status().toString()).isEqualTo("draft");
        });
    }

    @Test
    void onlyAdminsGetTheNewProjectForm() throws Exception {
        assertThat(page(get("/projects/new").with(user("admin")), 200).getElementById("project-form")).isNotNull();
        page(get("/projects/new").with(user("pi")), 403);
        page(newProject(uniqueSlug(), "x", LocalDate.now(), LocalDate.now()).with(user("pi")), 403);
    }

    // --- members ------------------------------------------------------------------------------------------

    @Test
    void piAddsAResearcherButIsNotOfferedThePiRole() throws Exception {
        String slug = createProject("pi");

        Document page = page(get("/projects/" + slug).with(user("pi")), 200);
        assertThat(page.getElementById("add-member-form")).isNotNull();
        assertThat(page.select("#member-role option").eachAttr("value")).containsExactly("researcher", "reviewer");
        assertThat(page.getElementById("status-actions")).isNull();
        assertThat(page.select("#remove-pi")).isEmpty(); // a PI cannot remove the PI

        MockHttpServletResponse added = perform(post("/projects/" + slug + "/members").param("username", "researcher")
                .param("role", "researcher").param("startDate", "").param("endDate", "")
                .with(user("pi")).with(csrf()));
        assertThat(added.getRedirectedUrl()).isEqualTo("/projects/" + slug);

        Document after = page(get("/projects/" + slug).with(user("pi")), 200);
        Element row = after.selectFirst("#members tr[data-username=researcher]");
        assertThat(row).isNotNull();
        assertThat(row.select("[data-test=member-role]").text()).isEqualTo("Researcher");
        assertThat(row.select("[data-test=member-state]").text()).isEqualTo("Active");
        assertThat(after.getElementById("remove-researcher")).isNotNull();
        assertThat(page(get("/").with(user("researcher")), 200).select("#projects tr[data-slug=" + slug + "]")).hasSize(1);

        Document refused = page(post("/projects/" + slug + "/members").param("username", "reviewer")
                .param("role", "pi").with(user("pi")).with(csrf()), 403);
        assertThat(refused.getElementById("error").attr("data-status")).isEqualTo("403");
    }

    @Test
    void aRefusedAdditionComesBackWithTheFormAndItsErrors() throws Exception {
        String slug = createProject("pi");

        MvcResult result = mvc.perform(post("/projects/" + slug + "/members").param("username", "nobody")
                .param("role", "reviewer").with(user("pi")).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + slug + "#add-member");

        Document page = page(get("/projects/" + slug).with(user("pi")).with(sameSession(result)), 200);
        assertThat(text(page, "member-username-error")).contains("is not known to Enclave");
        assertThat(page.getElementById("member-username").attr("value")).isEqualTo("nobody");
        assertThat(page.select("#member-role option[selected]").attr("value")).isEqualTo("reviewer");
        assertThat(text(page, "notice")).contains("The member was not added");
    }

    @Test
    void piRemovesAMemberAndOthersCannot() throws Exception {
        String slug = createProject("pi");
        perform(post("/projects/" + slug + "/members").param("username", "reviewer").param("role", "reviewer")
                .with(user("pi")).with(csrf()));
        UUID reviewer = users.findByUsername("reviewer").orElseThrow().id();

        page(post("/projects/" + slug + "/members/" + reviewer + "/remove").with(user("researcher")).with(csrf()), 404);
        assertThat(page(get("/projects/" + slug).with(user("pi")), 200).select("#members tr[data-username=reviewer]"))
                .hasSize(1);

        MockHttpServletResponse removed = perform(post("/projects/" + slug + "/members/" + reviewer + "/remove")
                .with(user("pi")).with(csrf()));
        assertThat(removed.getRedirectedUrl()).isEqualTo("/projects/" + slug);
        assertThat(page(get("/projects/" + slug).with(user("pi")), 200).select("#members tr[data-username=reviewer]"))
                .isEmpty();
    }

    // --- audit --------------------------------------------------------------------------------------------

    @Test
    void adminVerifiesTheChainAndResearcherIsRefused() throws Exception {
        Document page = page(get("/admin/audit").with(user("admin")), 200);
        assertThat(page.getElementById("verify")).isNotNull();
        assertThat(page.getElementById("export-form")).isNotNull();

        Document verified = page(post("/admin/audit/verify").with(user("admin")).with(csrf()), 200);
        assertThat(verified.getElementById("verification").attr("data-intact")).isEqualTo("true");
        assertThat(Long.parseLong(text(verified, "entries-checked"))).isPositive();
        assertThat(text(verified, "head-hash")).matches("[0-9a-f]{64}");

        Document refused = page(get("/admin/audit").with(user("researcher")), 403);
        assertThat(refused.getElementById("error").attr("data-status")).isEqualTo("403");
        page(post("/admin/audit/verify").with(user("researcher")).with(csrf()), 403);
        page(get("/admin/audit/export?from=2020-01-01&to=2030-01-01").with(user("researcher")), 403);
    }

    /**
     * Tampers with the oldest entry behind the database's back (as its owner, with the append-only trigger off),
     * and puts it back afterwards, so that the chain is intact again for the other tests.
     */
    @Test
    void aBrokenChainIsShownWithItsFirstProblem() throws Exception {
        long seq = jdbc.queryForObject("SELECT min(seq) FROM platform.audit_log", Long.class);
        String original = jdbc.queryForObject("SELECT details FROM platform.audit_log WHERE seq = ?", String.class, seq);
        jdbc.execute("ALTER TABLE platform.audit_log DISABLE TRIGGER audit_log_no_update_delete");
        try {
            jdbc.update("UPDATE platform.audit_log SET details = ? WHERE seq = ?", "{\"tampered\":true}", seq);

            Document page = page(post("/admin/audit/verify").with(user("admin")).with(csrf()), 200);

            assertThat(page.getElementById("verification").attr("data-intact")).isEqualTo("false");
            assertThat(page.select("#verification-problem[role=alert]")).hasSize(1);
            assertThat(text(page, "problem-kind")).isEqualTo("An entry was altered");
            assertThat(text(page, "problem-seq")).isEqualTo(Long.toString(seq));
            assertThat(text(page, "problem-detail")).contains("entry " + seq + " was altered");
        } finally {
            jdbc.update("UPDATE platform.audit_log SET details = ? WHERE seq = ?", original, seq);
            jdbc.execute("ALTER TABLE platform.audit_log ENABLE TRIGGER audit_log_no_update_delete");
        }
        Document repaired = page(post("/admin/audit/verify").with(user("admin")).with(csrf()), 200);
        assertThat(repaired.getElementById("verification").attr("data-intact")).isEqualTo("true");
    }

    @Test
    void adminDownloadsTheTrailAsJsonLines() throws Exception {
        String today = LocalDate.now().toString();
        MockHttpServletResponse response = perform(get("/admin/audit/export").param("from", today)
                .param("to", today).with(user("admin")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("enclave-audit-" + today + "-to-" + today + ".jsonl");
        List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"seq\":"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"action\":\"project.created\""));
    }

    @Test
    void exportDatesAreCheckedOnThePage() throws Exception {
        Document missing = page(get("/admin/audit/export").param("from", "").param("to", "2026-13-01")
                .with(user("admin")), 400);
        assertThat(text(missing, "export-from-error")).isEqualTo("is required");
        assertThat(text(missing, "export-to-error")).isEqualTo("is not a valid date");

        Document backwards = page(get("/admin/audit/export").param("from", "2026-02-01").param("to", "2026-01-01")
                .with(user("admin")), 400);
        assertThat(text(backwards, "export-to-error")).isEqualTo("must not be before the first day");
        assertThat(backwards.getElementById("export-from").attr("value")).isEqualTo("2026-02-01");
    }

    // --- errors -------------------------------------------------------------------------------------------

    /** Boot's {@code /error} is a servlet error dispatch, which MockMvc does not make: this goes over HTTP. */
    @Test
    void bootsErrorPageUsesTheTemplateAndTheLayout() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/css/no-such-file.css"))
                .header(HttpHeaders.ACCEPT, "text/html").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.getElementById("error").attr("data-status")).isEqualTo("404");
        assertThat(page.select("h1").text()).isEqualTo("Page introuvable");
        assertThat(page.getElementById("demo-banner")).isNotNull();
        assertThat(page.select("#lang-en").attr("href")).isEqualTo("/css/no-such-file.css?lang=en");
    }

    @Test
    void theApiStillAnswersWithProblemDetails() throws Exception {
        MockHttpServletResponse response = perform(get("/api/v1/projects/no-such-project")
                .with(httpBasic("researcher", "demo")));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("No project 'no-such-project'.");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private Document page(RequestBuilder request, int status) throws Exception {
        return HtmlPages.render(mvc, request, status);
    }

    private MockHttpServletRequestBuilder newProject(String slug, String title, LocalDate start, LocalDate end) {
        return post("/projects/new").param("slug", slug).param("title", title).param("description", "")
                .param("legalBasis", "MR-004").param("impactAssessment", "").param("startDate", start.toString())
                .param("endDate", end.toString()).param("principalInvestigator", "")
                .with(user("admin")).with(csrf());
    }

    private MockHttpServletRequestBuilder quotaForm(String slug, String cpu, String memory, String gpus, String pods,
                                                    String pvcs, String storage, String username) {
        return post("/projects/" + slug + "/quota").param("cpu", cpu).param("memory", memory).param("gpus", gpus)
                .param("pods", pods).param("pvcs", pvcs).param("storage", storage).with(user(username)).with(csrf());
    }

    private String createProject(String pi) {
        String slug = uniqueSlug();
        projects.create(person("admin"), new ProjectDraft(slug, "Pilot " + slug, "", "MR-004", "",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), pi));
        return slug;
    }

    private CurrentUser person(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    private static String uniqueSlug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
