package org.consentgov.notice.domain;

/** One broken rule: a stable rule code, the field it concerns (a JSON path into the content), and why. */
public record RuleViolation(String rule, String field, String message) {}
