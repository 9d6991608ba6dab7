package org.consentgov.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link LocalSuite} before the first end-to-end test class and keeps it in the root store, so that
 * every class of the run shares one suite; JUnit closes it when the whole run is over. A failed start is
 * remembered, so the other classes fail at once with the same reason instead of trying again.
 */
public final class SuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        suite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    private static LocalSuite suite(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalSuite.class, type -> LocalSuite.start(), LocalSuite.class);
    }
}
