package eu.enclave.egress.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests, their groups, files, declared files and comments in PostgreSQL. */
@Repository
public class RequestRepository {

    private static final String REQUEST = "SELECT id, project_slug, project_id, workspace_id, workspace_name,"
            + " requester_issuer, requester_subject, requester_username, requester_display_name, title, purpose, status,"
            + " policy_text, policy_hash, reviewers_required, submissions, status_reason, created_at, updated_at,"
            + " submitted_at, decided_at FROM requests ";
    private static final String FILE = "SELECT id, request_id, group_name, name, description, supporting, version,"
            + " previous_id, previous_sha256, submission, sha256, size, detected_type, blob_store, blob_locator,"
            + " uploaded_at, superseded_at, purged_at FROM request_files ";
    private static final String COMMENT = "SELECT id, request_id, file_id, author_issuer, author_subject,"
            + " author_username, kind, visibility, body, in_reply_to, created_at FROM request_comments ";

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Request> find(UUID id) {
        return jdbc.sql(REQUEST + "WHERE id = ?").param(id).query(RequestRepository::request).optional();
    }

    /** The row locked until the transaction ends, so that two changes of one request never interleave. */
    public Optional<Request> lock(UUID id) {
        return jdbc.sql(REQUEST + "WHERE id = ? FOR UPDATE").param(id).query(RequestRepository::request).optional();
    }

    /** A requester's requests in one project, newest first. */
    public List<Request> findByRequester(String project, String issuer, String subject, int limit) {
        return jdbc.sql(REQUEST + "WHERE project_slug = ? AND requester_issuer = ? AND requester_subject = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?")
                .params(project, issuer, subject, limit).query(RequestRepository::request).list();
    }

    public void insert(Request r) {
        jdbc.sql("INSERT INTO requests (id, project_slug, project_id, workspace_id, workspace_name, requester_issuer,"
                        + " requester_subject, requester_username, requester_display_name, title, purpose, status,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.project(), r.projectId(), r.workspaceId(), r.workspace(), r.requester().issuer(),
                        r.requester().subject(), r.requester().username(), r.requester().displayName(), r.title(),
                        r.purpose(), r.status().id(), ts(r.createdAt()), ts(r.updatedAt()))
                .update();
    }

    public void updateText(UUID id, String title, String purpose, Instant now) {
        jdbc.sql("UPDATE requests SET title = ?, purpose = ?, updated_at = ? WHERE id = ?")
                .params(title, purpose, ts(now), id).update();
    }

    /** A move of the transition table; {@code decidedAt} is kept once set unless given again. */
    void updateStatus(UUID id, RequestStatus status, String reason, Instant now, Instant decidedAt) {
        jdbc.sql("UPDATE requests SET status = ?, status_reason = ?, updated_at = ?,"
                        + " decided_at = COALESCE(?, decided_at) WHERE id = ?")
                .params(status.id(), reason, ts(now), ts(decidedAt), id).update();
    }

    /** What a (re)submission freezes, and its number. */
    public void recordSubmission(UUID id, String policyText, String policyHash, int reviewersRequired, int submission,
                          Instant now) {
        jdbc.sql("UPDATE requests SET policy_text = ?, policy_hash = ?, reviewers_required = ?, submissions = ?,"
                        + " submitted_at = ?, decided_at = NULL WHERE id = ?")
                .params(policyText, policyHash, reviewersRequired, submission, ts(now), id).update();
        jdbc.sql("UPDATE request_files SET submission = ? WHERE request_id = ? AND submission IS NULL"
                        + " AND superseded_at IS NULL")
                .params(submission, id).update();
    }

    // groups

    public List<FileGroup> groups(UUID requestId) {
        return jdbc.sql("SELECT name, context, controls, position FROM request_groups WHERE request_id = ?"
                        + " ORDER BY position")
                .param(requestId)
                .query((rs, n) -> new FileGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    public void upsertGroup(UUID requestId, FileGroup group) {
        jdbc.sql("INSERT INTO request_groups (request_id, name, context, controls, position) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (request_id, name) DO UPDATE SET context = EXCLUDED.context,"
                        + " controls = EXCLUDED.controls")
                .params(requestId, group.name(), group.context(), group.controls(), group.position()).update();
    }

    // files

    public List<RequestFile> files(UUID requestId) {
        return jdbc.sql(FILE + "WHERE request_id = ? ORDER BY uploaded_at, version, id").param(requestId)
                .query(RequestRepository::file).list();
    }

    public List<RequestFile> currentFiles(UUID requestId) {
        return jdbc.sql(FILE + "WHERE request_id = ? AND superseded_at IS NULL ORDER BY uploaded_at, id")
                .param(requestId).query(RequestRepository::file).list();
    }

    public Optional<RequestFile> file(UUID requestId, UUID fileId) {
        return jdbc.sql(FILE + "WHERE request_id = ? AND id = ?").params(requestId, fileId)
                .query(RequestRepository::file).optional();
    }

    public Optional<RequestFile> currentFileByKey(UUID requestId, String nameKey) {
        return jdbc.sql(FILE + "WHERE request_id = ? AND name_key = ? AND superseded_at IS NULL")
                .params(requestId, nameKey).query(RequestRepository::file).optional();
    }

    public int currentFileCount(UUID requestId) {
        return jdbc.sql("SELECT count(*) FROM request_files WHERE request_id = ? AND superseded_at IS NULL")
                .param(requestId).query(Integer.class).single();
    }

    public void insertFile(RequestFile f, String nameKey) {
        jdbc.sql("INSERT INTO request_files (id, request_id, group_name, name, name_key, description, supporting,"
                        + " version, previous_id, previous_sha256, submission, sha256, size, detected_type, blob_store,"
                        + " blob_locator, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.requestId(), f.group(), f.name(), nameKey, f.description(), f.supporting(),
                        f.version(), f.previousId(), f.previousSha256(), f.submission(), f.sha256(), f.size(),
                        f.detectedType(), f.blobStore(), f.blobLocator(), ts(f.uploadedAt()))
                .update();
    }

    public void supersede(UUID fileId, Instant now) {
        jdbc.sql("UPDATE request_files SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL")
                .params(ts(now), fileId).update();
    }

    /** Whether any file row (any request, any version) names this blob. */
    public boolean blobReferenced(String locator) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM request_files WHERE blob_locator = ?)").param(locator)
                .query(Boolean.class).single();
    }

    /** Bytes stored for a project's requests since {@code since} (every version counts). */
    public long bytesUploadedSince(String project, Instant since) {
        return jdbc.sql("SELECT coalesce(sum(f.size), 0) FROM request_files f JOIN requests r ON r.id = f.request_id"
                        + " WHERE r.project_slug = ? AND f.uploaded_at >= ?")
                .params(project, ts(since)).query(Long.class).single();
    }

    // declared files

    public List<DeclaredFile> declarations(UUID requestId) {
        return jdbc.sql("SELECT name, group_name, description, supporting FROM request_file_declarations"
                        + " WHERE request_id = ? ORDER BY name")
                .param(requestId)
                .query((rs, n) -> new DeclaredFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .list();
    }

    public Optional<DeclaredFile> declaration(UUID requestId, String nameKey) {
        return jdbc.sql("SELECT name, group_name, description, supporting FROM request_file_declarations"
                        + " WHERE request_id = ? AND name_key = ?")
                .params(requestId, nameKey)
                .query((rs, n) -> new DeclaredFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .optional();
    }

    public void upsertDeclaration(UUID requestId, String nameKey, DeclaredFile d) {
        jdbc.sql("INSERT INTO request_file_declarations (request_id, name_key, name, group_name, description,"
                        + " supporting) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, name_key) DO UPDATE SET"
                        + " name = EXCLUDED.name, group_name = EXCLUDED.group_name,"
                        + " description = EXCLUDED.description, supporting = EXCLUDED.supporting")
                .params(requestId, nameKey, d.name(), d.group(), d.description(), d.supporting()).update();
    }

    public void deleteDeclaration(UUID requestId, String nameKey) {
        jdbc.sql("DELETE FROM request_file_declarations WHERE request_id = ? AND name_key = ?")
                .params(requestId, nameKey).update();
    }

    // comments

    public List<Comment> comments(UUID requestId) {
        return jdbc.sql(COMMENT + "WHERE request_id = ? ORDER BY created_at, id").param(requestId)
                .query(RequestRepository::comment).list();
    }

    public Optional<Comment> comment(UUID requestId, UUID commentId) {
        return jdbc.sql(COMMENT + "WHERE request_id = ? AND id = ?").params(requestId, commentId)
                .query(RequestRepository::comment).optional();
    }

    public void insertComment(Comment c) {
        jdbc.sql("INSERT INTO request_comments (id, request_id, file_id, author_issuer, author_subject,"
                        + " author_username, kind, visibility, body, in_reply_to, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.requestId(), c.fileId(), c.authorIssuer(), c.authorSubject(), c.authorUsername(),
                        c.kind().id(), c.visibility().id(), c.body(), c.inReplyTo(), ts(c.createdAt()))
                .update();
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getString("project_slug"),
                rs.getObject("project_id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("workspace_name"),
                new Request.Requester(rs.getString("requester_issuer"), rs.getString("requester_subject"),
                        rs.getString("requester_username"), rs.getString("requester_display_name")),
                rs.getString("title"), rs.getString("purpose"), RequestStatus.of(rs.getString("status")),
                rs.getString("policy_text"), rs.getString("policy_hash"),
                (Integer) rs.getObject("reviewers_required"), rs.getInt("submissions"), rs.getString("status_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"),
                instant(rs, "decided_at"));
    }

    private static RequestFile file(ResultSet rs, int row) throws SQLException {
        return new RequestFile(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getString("group_name"), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("supporting"), rs.getInt("version"), rs.getObject("previous_id", UUID.class),
                rs.getString("previous_sha256"), (Integer) rs.getObject("submission"), rs.getString("sha256"),
                rs.getLong("size"), rs.getString("detected_type"), rs.getString("blob_store"),
                rs.getString("blob_locator"), instant(rs, "uploaded_at"), instant(rs, "superseded_at"),
                instant(rs, "purged_at"));
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getObject("file_id", UUID.class), rs.getString("author_issuer"), rs.getString("author_subject"),
                rs.getString("author_username"), Comment.Kind.parse(rs.getString("kind")).orElseThrow(),
                Comment.Visibility.parse(rs.getString("visibility")).orElseThrow(), rs.getString("body"),
                rs.getObject("in_reply_to", UUID.class), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
