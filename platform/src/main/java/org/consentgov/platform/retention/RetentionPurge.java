package org.consentgov.platform.retention;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the retention rules of every module ({@link RetentionRules} beans) to this service's database: for each
 * rule, deletes the rows it names older than its period, in batches of {@code platform.retention.batch-size} rows,
 * each batch a short transaction of its own ({@code FOR UPDATE SKIP LOCKED}), so that a purge never holds many
 * locks or a long transaction, and several replicas purging at once share the rows instead of waiting on each
 * other or deleting a row twice.
 *
 * <p>Observable: {@code platform.retention.purged} (rows deleted, per rule and table), {@code
 * platform.retention.batches} and the gauge {@code platform.retention.oldest.age} (seconds since the oldest row a
 * rule governs, measured after each run: above the period plus the interval, the purge is not keeping up).
 *
 * <p>Created at start, so that a period that cannot be read stops the service instead of purging the wrong rows.
 */
@Startup
@ApplicationScoped
public class RetentionPurge {

    /**
     * Set for its transaction by each batch: the append-only triggers of tables with a retention period let
     * a delete through only then (platform V0_5, the services' own migrations).
     */
    static final String PURGING = "platform.retention_purge";

    private final AgroalDataSource dataSource;
    private final List<RetentionRule> rules;
    private final Clock clock;
    private final int batchSize;
    private final Map<String, Counter> purged = new LinkedHashMap<>();
    private final Map<String, Counter> batches = new LinkedHashMap<>();
    private final Map<String, AtomicLong> oldestAge = new LinkedHashMap<>();

    @Inject
    public RetentionPurge(
            AgroalDataSource dataSource,
            Instance<RetentionRules> modules,
            Config config,
            Clock clock,
            MeterRegistry registry,
            @ConfigProperty(name = "platform.retention.batch-size", defaultValue = "1000") int batchSize) {
        this(dataSource, configured(modules, config), clock, registry, batchSize);
    }

    /** For tests: exactly these rules, each with its own period. */
    public RetentionPurge(
            AgroalDataSource dataSource,
            List<RetentionRule> rules,
            Clock clock,
            MeterRegistry registry,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("platform.retention.batch-size must be at least 1");
        }
        this.dataSource = dataSource;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.batchSize = batchSize;
        for (RetentionRule rule : this.rules) {
            purged.put(
                    rule.name(),
                    Counter.builder("platform.retention.purged")
                            .description("Rows deleted by the retention purge")
                            .baseUnit("rows")
                            .tag("rule", rule.name())
                            .tag("table", rule.table())
                            .register(registry));
            batches.put(
                    rule.name(),
                    Counter.builder("platform.retention.batches")
                            .description("Delete statements (one transaction each) run by the retention purge")
                            .tag("rule", rule.name())
                            .tag("table", rule.table())
                            .register(registry));
            AtomicLong age = new AtomicLong();
            oldestAge.put(rule.name(), age);
            Gauge.builder("platform.retention.oldest.age", age, AtomicLong::doubleValue)
                    .description("Age of the oldest row the rule governs, at the end of the last purge")
                    .baseUnit("seconds")
                    .tag("rule", rule.name())
                    .tag("table", rule.table())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The rules of every module with their configured periods; rules configured {@code off} are left out. */
    static List<RetentionRule> configured(Iterable<RetentionRules> modules, Config config) {
        List<RetentionRule> configured = new ArrayList<>();
        for (RetentionRules module : modules) {
            for (RetentionRule rule : module.rules()) {
                config.getOptionalValue(rule.configKey(), String.class)
                        .map(value -> RetentionPeriod.parse(rule.name(), value).map(rule::withPeriod))
                        .orElseGet(() -> Optional.of(rule))
                        .ifPresent(configured::add);
            }
        }
        return configured;
    }

    /** The rules this purge applies, with their periods. */
    public List<RetentionRule> rules() {
        return rules;
    }

    /** Purges every rule once, batch after batch until a batch finds fewer rows than the batch size. */
    public RetentionReport purge() {
        Instant now = clock.instant();
        List<RetentionReport.Purged> report = new ArrayList<>();
        for (RetentionRule rule : rules) {
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
            long rows = 0;
            int statements = 0;
            while (true) {
                int deleted = deleteBatch(rule, cutoff);
                statements++;
                rows += deleted;
                purged.get(rule.name()).increment(deleted);
                batches.get(rule.name()).increment();
                if (deleted < batchSize) {
                    break;
                }
            }
            oldestAge.get(rule.name()).set(ageOfOldest(rule, now));
            report.add(new RetentionReport.Purged(rule.name(), rule.table(), rows, statements));
        }
        return new RetentionReport(report);
    }

    private int deleteBatch(RetentionRule rule, Instant cutoff) {
        String delete = rule.batchDelete();
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement purging = c.prepareStatement("SELECT set_config(?, 'on', true)")) {
                    purging.setString(1, PURGING);
                    purging.execute();
                }
                try (PreparedStatement statement = c.prepareStatement(delete)) {
                    statement.setTimestamp(1, Timestamp.from(cutoff));
                    statement.setInt(2, batchSize);
                    return statement.executeUpdate();
                }
            }
        });
    }

    private long ageOfOldest(RetentionRule rule, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(rule.oldest());
                ResultSet row = select.executeQuery()) {
            Timestamp oldest = row.next() ? row.getTimestamp(1) : null;
            return oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the oldest row of retention rule " + rule.name() + " could not be read", e);
        }
    }
}
