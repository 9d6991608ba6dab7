/**
 * Two tiny services for the tests of {@code ArchitectureRules}: {@code clean} keeps every rule, {@code broken}
 * breaks each one once (a domain class that builds an API view, a resource that uses a repository and the
 * EntityManager, a class using another service's code, a cycle between packages).
 */
package org.consentgov.platform.archfixture;
