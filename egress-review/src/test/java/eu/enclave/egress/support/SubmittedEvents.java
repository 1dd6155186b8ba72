package eu.enclave.egress.support;

import eu.enclave.egress.request.RequestSubmitted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;

/**
 * Every {@link RequestSubmitted} the service published, with the request's status as another connection saw it at
 * that moment: {@code submitted} proves the event came after the commit.
 */
public final class SubmittedEvents {

    public record Seen(RequestSubmitted event, String statusSeenByAnotherConnection) {
    }

    private final DataSource dataSource;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    SubmittedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @EventListener
    void on(RequestSubmitted event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT status FROM requests WHERE id = ?")) {
            statement.setObject(1, event.requestId());
            try (ResultSet rs = statement.executeQuery()) {
                seen.add(new Seen(event, rs.next() ? rs.getString(1) : null));
            }
        }
    }
}
