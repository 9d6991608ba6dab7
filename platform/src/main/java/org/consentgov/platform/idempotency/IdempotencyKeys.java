package org.consentgov.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based access to {@code idempotency_key} for a writer that records many requests in one transaction on its
 * own JDBC connection (a bulk import), with exactly the rows {@link IdempotentExecutor} would have stored for
 * each of them one at a time: same caller scoping, same fingerprint, same stored response.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A key to store with the response already produced for it. */
    public record NewKey(String key, String fingerprint, StoredResponse response) {}

    /** A key found: its fingerprint, and its response status ({@code null} while still being processed). */
    public record FoundKey(String fingerprint, Integer status, String body) {

        public boolean inProgress() {
            return status == null;
        }
    }

    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public IdempotencyKeys(ObjectMapper mapper, SecurityIdentity identity) {
        this.mapper = mapper;
        this.identity = identity;
    }

    /** The name keys are scoped to: the authenticated caller, so that two clients never share a key. */
    public String caller() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The stored keys among {@code keys} for the current caller, by key; absent keys are not in the map. */
    public Map<String, FoundKey> find(Connection connection, Collection<String> keys) throws SQLException {
        Map<String, FoundKey> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // one primary-key probe per key, whatever the statistics say: "caller = ? AND idempotency_key = ANY (?)"
        // was planned, on a table not analysed since it was small, as a scan of all the caller's keys filtered
        // by the array, a cost that grew with every batch (1 s a batch at 110,000 keys)
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT k.key, ik.fingerprint, ik.response_status, ik.response_body
                FROM unnest(?::varchar[]) AS k (key)
                JOIN LATERAL (SELECT fingerprint, response_status, response_body FROM idempotency_key
                              WHERE caller = ? AND idempotency_key = k.key LIMIT 1) ik ON true""")) {
            select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            select.setString(2, caller());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Integer status = row.getObject("response_status") == null ? null : row.getInt("response_status");
                    found.put(
                            row.getString(1),
                            new FoundKey(row.getString("fingerprint"), status, row.getString("response_body")));
                }
            }
        }
        return found;
    }

    /**
     * Inserts the keys, already answered, for the current caller in one JDBC batch on {@code connection}. No
     * {@code ON CONFLICT}: a key claimed meanwhile by a concurrent request fails the batch, which the caller
     * then rolls back.
     */
    public void insertAll(Connection connection, List<NewKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        String caller = caller();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, response_status, response_headers,
                    response_body, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, now())""")) {
            for (NewKey key : keys) {
                insert.setString(1, caller);
                insert.setString(2, key.key());
                insert.setString(3, key.fingerprint());
                insert.setInt(4, key.response().status());
                insert.setString(5, json(key.response().headers()));
                insert.setString(
                        6,
                        key.response().body() == null
                                ? null
                                : json(key.response().body()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be stored for replay", e);
        }
    }
}
