package org.consentgov.platform.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aKeptTokenIsFoundOnlyByItsExactTextAndOnlyUntilItsExpiry() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 100);
        tokens.keep("a.b.c", "alice", NOW.plusSeconds(30), NOW);
        assertThat(tokens.find("a.b.c", NOW)).contains("alice");
        assertThat(tokens.find("a.b.c", NOW.plusSeconds(29))).contains("alice");
        assertThat(tokens.find("a.b.c ", NOW)).isEmpty();
        assertThat(tokens.find("a.b.C", NOW)).isEmpty();
        // at exp the token is no longer valid, and it is dropped
        assertThat(tokens.find("a.b.c", NOW.plusSeconds(30))).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsKeptOnlyForTheMaximumAge() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 100);
        tokens.keep("t", "bob", NOW.plusSeconds(3600), NOW);
        assertThat(tokens.find("t", NOW.plusSeconds(59))).contains("bob");
        assertThat(tokens.find("t", NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 100);
        tokens.keep("expired", "x", NOW, NOW);
        tokens.keep("older", "x", NOW.minusSeconds(1), NOW);
        tokens.keep("no-exp", "x", null, NOW);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNothingNewIsKept() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 2);
        tokens.keep("short", "1", NOW.plusSeconds(5), NOW);
        tokens.keep("long", "2", NOW.plusSeconds(50), NOW);
        tokens.keep("third", "3", NOW.plusSeconds(50), NOW);
        assertThat(tokens.find("third", NOW)).isEmpty();
        // ten seconds on, "short" has expired and makes room
        tokens.keep("third", "3", NOW.plusSeconds(50), NOW.plusSeconds(10));
        assertThat(tokens.find("third", NOW.plusSeconds(10))).contains("3");
        assertThat(tokens.find("long", NOW.plusSeconds(10))).contains("2");
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void aMaximumAgeOfZeroTurnsTheCacheOff() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ZERO, 100);
        tokens.keep("t", "x", NOW.plusSeconds(30), NOW);
        assertThat(tokens.find("t", NOW)).isEmpty();
    }
}
