package org.consentgov.platform.problem;

/** One broken rule: a stable rule code, the field it concerns (a JSON path), and why. */
public record RuleViolation(String rule, String field, String message) {}
