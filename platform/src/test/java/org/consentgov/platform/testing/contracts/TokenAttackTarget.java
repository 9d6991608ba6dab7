package org.consentgov.platform.testing.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Where a {@link TokenAttackContract} attacks: the audience the service accepts and a path that lists data. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TokenAttackTarget {

    String audience();

    /** Answers 200 with a good token, and data to any token the service wrongly accepted. */
    String path();
}
