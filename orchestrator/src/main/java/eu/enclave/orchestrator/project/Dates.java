package eu.enclave.orchestrator.project;

import eu.enclave.platform.web.ApiException;
import java.time.LocalDate;

/**
 * The calendar dates Enclave accepts for projects and memberships: four-digit years. Java reads dates far
 * outside them ({@code +100000-01-01}, {@code -5000-01-01}) which PostgreSQL then stores as given or turns
 * into {@code -infinity}; neither can be a research project's real start or end.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    /** @throws ApiException 400 naming {@code field} when the date is outside the years 0001 to 9999 */
    public static void checkSupported(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw ApiException.invalid(field, "must be in the years 0001 to 9999");
        }
    }
}
