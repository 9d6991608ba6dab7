package org.consentgov.reliability.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the {@link Suite}, started on first use and kept in the root store of the test run, which closes it
 * (every process stopped) when the run ends, also after a failure.
 */
public final class SuiteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    static Suite suite(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Suite.class, k -> new Holder(Suite.start()), Holder.class)
                .suite;
    }

    /** Closed by JUnit when the test run ends. */
    record Holder(Suite suite) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            suite.close();
        }
    }
}
