package org.consentgov.agreement.domain;

/** One broken rule: a stable rule code, the field it concerns (a JSON path into the request), and why. */
public record RuleViolation(String rule, String field, String message) {}
