package eu.enclave.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class UserDirectoryTest {

    private TestDatabase database;
    private UserDirectory directory;

    @BeforeEach
    void setUp() {
        database = TestDatabases.createMigrated();
        directory = new UserDirectory(new JdbcTemplate(database.dataSource()));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aPersonIsTheirIssuerAndSubject() {
        CurrentUser fromOne = directory.record(new Identity("https://idp-a.example", "42", "marie", "Marie", null,
                null, Set.of()));
        CurrentUser fromOther = directory.record(new Identity("https://idp-b.example", "42", "marie.b", "Marie B",
                null, null, Set.of()));

        assertThat(fromOne.id()).isNotEqualTo(fromOther.id());
        assertThat(directory.findBySubject("https://idp-a.example", "42")).contains(fromOne);
        assertThat(directory.findBySubject("https://idp-b.example", "42")).contains(fromOther);
        assertThat(directory.findBySubject("https://idp-c.example", "42")).isEmpty();
    }

    @Test
    void aLaterSignInWithoutALocaleKeepsTheOneKnown() {
        directory.record(new Identity("iss", "7", "paul", "Paul", null, "fr", Set.of()));
        CurrentUser again = directory.record(new Identity("iss", "7", "paul", "Paul Durand", null, null, Set.of()));

        assertThat(again.locale()).isEqualTo("fr");
        assertThat(again.displayName()).isEqualTo("Paul Durand");
    }

    @Test
    void recordsTheLocaleAPersonChose() {
        CurrentUser paul = directory.record(new Identity("iss", "7", "paul", "Paul", null, null, Set.of()));
        directory.recordLocale(paul.id(), "en");

        assertThat(directory.findById(paul.id()).orElseThrow().locale()).isEqualTo("en");
    }

    @Test
    void findsThePlatformReviewers() {
        directory.record(new Identity("iss", "1", "chloe", "Chloé", null, null, Set.of(PlatformRole.REVIEWER)));
        directory.record(new Identity("iss", "2", "alice", "Alice", null, null,
                Set.of(PlatformRole.ADMIN, PlatformRole.REVIEWER)));
        directory.record(new Identity("iss", "3", "sam", "Sam", null, null, Set.of(PlatformRole.STEWARD)));

        assertThat(directory.findWithRole(PlatformRole.REVIEWER)).extracting(CurrentUser::username)
                .containsExactly("alice", "chloe");
    }
}
