package org.consentgov.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.consentgov.platform.problem.ProblemException;

/**
 * Runs a creating POST at most once per {@code Idempotency-Key} and caller.
 *
 * <p>The key row is inserted in the same transaction as the change it guards, so the key is stored if
 * and only if the change commits. A concurrent request with the same key waits on the row lock, then
 * finds the stored response. Same key and same body: the stored response is replayed (with
 * {@code Idempotent-Replayed: true}); same key and another body or path: 422. Keys are scoped to the
 * authenticated caller, so two clients cannot collide or read each other's responses.
 */
@ApplicationScoped
public class IdempotentExecutor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final IdempotencyKeys keys;

    public IdempotentExecutor(AgroalDataSource dataSource, ObjectMapper mapper, IdempotencyKeys keys) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.keys = keys;
    }

    /**
     * @param key       the request's Idempotency-Key header, or null to run the action without protection
     * @param operation what is being done, e.g. {@code POST /api/notices}; a key reused on another
     *                  operation is refused
     * @param request   the parsed request body, fingerprinted in canonical JSON
     * @param action    creates the resource and returns the response to store and send
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 visible ASCII characters", HEADER);
        }
        String caller = keys.caller();
        String fingerprint = RequestFingerprint.of(operation, request);
        try (Connection connection = dataSource.getConnection()) {
            if (!claim(connection, caller, key, fingerprint)) {
                return replay(connection, caller, key, fingerprint);
            }
            Response response = action.get();
            store(connection, caller, key, response);
            return response;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed", e);
        }
    }

    private boolean claim(Connection connection, String caller, String key, String fingerprint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at)
                VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            return insert.executeUpdate() == 1;
        }
    }

    private Response replay(Connection connection, String caller, String key, String fingerprint) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT fingerprint, response_status, response_headers, response_body
                FROM idempotency_key WHERE caller = ? AND idempotency_key = ?""")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getObject("response_status") == null) {
                    throw ProblemException.conflict(
                            "idempotency-key-in-use",
                            "A request with this Idempotency-Key is still being processed; retry shortly");
                }
                if (!fingerprint.equals(row.getString("fingerprint"))) {
                    throw ProblemException.rule(
                            "idempotency-key-reused",
                            "This Idempotency-Key was used for a different request; use a new key for a new request",
                            HEADER);
                }
                Response.ResponseBuilder builder = Response.status(row.getInt("response_status"));
                Map<String, String> headers = readHeaders(row.getString("response_headers"));
                headers.forEach((name, value) -> {
                    if (name.equalsIgnoreCase("Location")) {
                        builder.location(URI.create(value));
                    } else {
                        builder.header(name, value);
                    }
                });
                String body = row.getString("response_body");
                if (body != null) {
                    builder.entity(body).type(headers.getOrDefault("Content-Type", MediaType.APPLICATION_JSON));
                }
                return builder.header(REPLAYED, "true").build();
            }
        }
    }

    private void store(Connection connection, String caller, String key, Response response) throws SQLException {
        StoredResponse stored = StoredResponse.of(response);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE idempotency_key SET response_status = ?, response_headers = ?::jsonb, response_body = ?
                WHERE caller = ? AND idempotency_key = ?""")) {
            update.setInt(1, stored.status());
            update.setString(2, keys.json(stored.headers()));
            update.setString(3, stored.body() == null ? null : keys.json(stored.body()));
            update.setString(4, caller);
            update.setString(5, key);
            update.executeUpdate();
        }
    }

    private Map<String, String> readHeaders(String json) {
        try {
            return json == null
                    ? Map.of()
                    : mapper.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response headers unreadable", e);
        }
    }
}
