package org.consentgov.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.PlatformDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private static final String OPERATION = "POST /api/things";

    private static PlatformDatabase database;
    private static IdempotencyKeys keys;
    private static IdempotentExecutor executor;

    @BeforeAll
    static void database() {
        database = PlatformDatabase.recreate("platform_idempotency_batch");
        ObjectMapper mapper = new ObjectMapper();
        keys = new IdempotencyKeys(mapper, caller("importer"));
        executor = new IdempotentExecutor(database.dataSource(), mapper, keys);
    }

    @Test
    void aBatchStoresTheRowTheExecutorStoresForTheSameRequest() throws SQLException {
        Map<String, Object> request = Map.of("name", "thing", "size", 3);
        UUID id = UUID.randomUUID();
        String single = "single-" + UUID.randomUUID();
        String batched = "batched-" + UUID.randomUUID();
        executor.execute(
                single,
                OPERATION,
                request,
                () -> Response.status(201)
                        .entity(Map.of("id", id))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
        try (Connection connection = database.connect()) {
            keys.insertAll(
                    connection,
                    List.of(new IdempotencyKeys.NewKey(
                            batched,
                            RequestFingerprint.of(OPERATION, request),
                            StoredResponse.createdJson(Map.of("id", id)))));
        }

        assertThat(row(batched)).isEqualTo(row(single));
    }

    @Test
    void theExecutorReplaysAKeyStoredByABatch() throws SQLException {
        Map<String, Object> request = Map.of("name", "other");
        UUID id = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        try (Connection connection = database.connect()) {
            keys.insertAll(
                    connection,
                    List.of(new IdempotencyKeys.NewKey(
                            key,
                            RequestFingerprint.of(OPERATION, request),
                            StoredResponse.createdJson(Map.of("id", id)))));
        }

        Response replay = executor.execute(key, OPERATION, request, () -> {
            throw new AssertionError("a stored key must not run the action again");
        });
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeaderString(IdempotentExecutor.REPLAYED)).isEqualTo("true");
        assertThat(replay.getEntity()).isEqualTo("{\"id\":\"" + id + "\"}");
    }

    @Test
    void findReturnsOnlyTheStoredKeysOfTheCaller() throws SQLException {
        String stored = "f-" + UUID.randomUUID();
        String absent = "f-" + UUID.randomUUID();
        String fingerprint = RequestFingerprint.of(OPERATION, Map.of("n", 1));
        try (Connection connection = database.connect()) {
            keys.insertAll(
                    connection,
                    List.of(new IdempotencyKeys.NewKey(
                            stored, fingerprint, StoredResponse.createdJson(Map.of("n", 1)))));
            IdempotencyKeys other = new IdempotencyKeys(new ObjectMapper(), caller("someone-else"));

            assertThat(keys.find(connection, List.of(stored, absent)))
                    .containsOnlyKeys(stored)
                    .containsEntry(stored, new IdempotencyKeys.FoundKey(fingerprint, 201, "{\"n\":1}"));
            assertThat(other.find(connection, List.of(stored))).isEmpty();
            assertThat(keys.find(connection, List.of())).isEmpty();
        }
    }

    @Test
    void aKeyAlreadyStoredFailsTheWholeBatch() throws SQLException {
        String key = "dup-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        IdempotencyKeys.NewKey first = new IdempotencyKeys.NewKey(
                key, RequestFingerprint.of(OPERATION, Map.of()), StoredResponse.createdJson(Map.of()));
        try (Connection connection = database.connect()) {
            keys.insertAll(connection, List.of(first));
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> keys.insertAll(
                            connection,
                            List.of(
                                    new IdempotencyKeys.NewKey(
                                            fresh, first.fingerprint(), StoredResponse.createdJson(Map.of())),
                                    first)))
                    .isInstanceOf(SQLException.class);
            connection.rollback();
            assertThat(keys.find(connection, List.of(fresh))).isEmpty();
        }
    }

    @Test
    void theFingerprintNamesTheOperationAndTheCanonicalBody() {
        assertThat(RequestFingerprint.of(OPERATION, Map.of("a", 1, "b", 2)))
                .isEqualTo(RequestFingerprint.of(OPERATION, Map.of("b", 2, "a", 1)))
                .isNotEqualTo(RequestFingerprint.of("POST /api/others", Map.of("a", 1, "b", 2)))
                .hasSize(64);
    }

    private static List<String> row(String key) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT caller, fingerprint, response_status::text, response_headers::text, response_body
                        FROM idempotency_key WHERE idempotency_key = ?""")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("key " + key + " stored").isTrue();
                List<String> out = new ArrayList<>();
                for (int c = 1; c <= 5; c++) {
                    out.add(rs.getString(c));
                }
                return out;
            }
        }
    }

    private static SecurityIdentity caller(String name) {
        Principal principal = () -> name;
        return (SecurityIdentity) Proxy.newProxyInstance(
                IdempotencyKeysTest.class.getClassLoader(),
                new Class<?>[] {SecurityIdentity.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isAnonymous" -> false;
                    case "getPrincipal" -> principal;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
