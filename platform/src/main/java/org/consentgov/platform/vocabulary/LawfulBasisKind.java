package org.consentgov.platform.vocabulary;

/** Where a lawful basis comes from in the law. */
public enum LawfulBasisKind {
    /** UK GDPR Art 6(1)(a)–(f). */
    ARTICLE_6,
    /** UK GDPR Art 9(2)(a)–(j), conditions for special category data. */
    ARTICLE_9,
    /** UK GDPR Art 10, criminal offence data under official authority. */
    ARTICLE_10,
    /** DPA 2018 Schedule 1 conditions. */
    SCHEDULE_1
}
