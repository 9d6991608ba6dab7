package org.consentgov.platform.retention;

import java.util.List;

/**
 * The retention rules of one module's tables, as a CDI bean: the platform lists its own ({@link
 * PlatformRetentionRules}); a service lists the tables of its own migrations that grow. Rules run in the order
 * listed, so a row that references another is purged by an earlier rule than the row it references.
 */
public interface RetentionRules {

    List<RetentionRule> rules();
}
