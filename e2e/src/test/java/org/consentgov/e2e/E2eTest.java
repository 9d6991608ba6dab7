package org.consentgov.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.consentgov.e2e.support.SuiteExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** An end-to-end test class: runs against the one local suite of this JVM, started on first use. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SuiteExtension.class)
@Tag("e2e")
public @interface E2eTest {}
