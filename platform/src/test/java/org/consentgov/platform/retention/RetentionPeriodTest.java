package org.consentgov.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    private static final RetentionRules PLATFORM = new PlatformRetentionRules();

    @Test
    void aPeriodIsAnIsoPeriodOrOff() {
        assertThat(RetentionPeriod.parse("outbox-event", "P30D")).contains(Period.ofDays(30));
        assertThat(RetentionPeriod.parse("subject-access-log", " P6Y ")).contains(Period.ofYears(6));
        assertThat(RetentionPeriod.parse("idempotency-key", "off")).isEmpty();
        assertThat(RetentionPeriod.parse("idempotency-key", "OFF")).isEmpty();
    }

    @Test
    void anythingElseStopsTheServiceInsteadOfPurgingTheWrongRows() {
        for (String value : List.of("30d", "30 days", "", "P0D", "P-1D", "P1Y-400D", "PT1H")) {
            assertThatThrownBy(() -> RetentionPeriod.parse("outbox-event", value))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("platform.retention.outbox-event");
        }
    }

    @Test
    void theConfigurationAndTheEnvironmentReplaceARulesPeriodAndOffLeavesItOut() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        Map.of("platform.retention.outbox-event", "P90D", "platform.retention.webhook-delivery", "off"),
                        "test",
                        250))
                .withSources(new EnvConfigSource(Map.of("PLATFORM_RETENTION_IDEMPOTENCY_KEY", "P14D"), 300))
                .build();

        List<RetentionRule> rules = RetentionPurge.configured(List.of(PLATFORM), config);

        assertThat(rules)
                .extracting(RetentionRule::name, RetentionRule::period)
                .containsExactly(
                        tuple("webhook-delivery-deactivated", Period.ofDays(30)),
                        tuple("outbox-event", Period.ofDays(90)),
                        tuple("idempotency-key", Period.ofDays(14)));
    }

    @Test
    void aBadPeriodInTheConfigurationIsRefused() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("PLATFORM_RETENTION_OUTBOX_EVENT", "30"), 300))
                .build();

        assertThatThrownBy(() -> RetentionPurge.configured(List.of(PLATFORM), config))
                .hasMessageContaining("platform.retention.outbox-event is '30'");
    }

    @Test
    void aRuleIsCheckedWhenItIsMade() {
        assertThatThrownBy(
                        () -> RetentionRule.olderThan("Outbox", "outbox_event", "occurred_at", null, Period.ofDays(1)))
                .hasMessageContaining("name");
        assertThatThrownBy(
                        () -> RetentionRule.olderThan("x", "outbox_event; drop", "occurred_at", null, Period.ofDays(1)))
                .hasMessageContaining("table");
        assertThatThrownBy(() -> RetentionRule.olderThan("x", "outbox_event", "occurred_at", null, Period.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetentionRule("x", "t", "t.a < ? AND t.b < ?", "SELECT 1", Period.ofDays(1)))
                .hasMessageContaining("exactly one parameter");
    }

    @Test
    void theCommonRuleSelectsByItsTimeColumnAndCondition() {
        RetentionRule rule = RetentionRule.olderThan(
                "webhook-delivery", "webhook_delivery", "delivered_at", "t.status = 'DELIVERED'", Period.ofDays(30));

        assertThat(rule.due()).isEqualTo("t.delivered_at < ? AND (t.status = 'DELIVERED')");
        assertThat(rule.oldest())
                .isEqualTo("SELECT t.delivered_at FROM webhook_delivery t WHERE t.delivered_at IS NOT NULL"
                        + " AND (t.status = 'DELIVERED') ORDER BY t.delivered_at LIMIT 1");
        assertThat(rule.configKey()).isEqualTo("platform.retention.webhook-delivery");
    }
}
