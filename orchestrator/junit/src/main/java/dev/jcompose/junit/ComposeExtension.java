package dev.jcompose.junit;

import dev.jcompose.fixtures.ComposeFixture;
import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.fixtures.EngineCheck;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link ComposeTest} does. The stack lives in the class's extension store (class scope) or in
 * the root one (suite scope, keyed by what it is made of), so JUnit closes it when that context ends,
 * whatever happened; the engine's lease covers a JVM that never gets there.
 */
public final class ComposeExtension implements BeforeAllCallback, AfterTestExecutionCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ComposeExtension.class);
    private static final String CLASS_KEY = "stack";

    /** A stack in a store: JUnit closes it when the store's context ends. */
    private record Held(ComposeStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ComposeTest settings = settings(testClass);
        java.util.Map<String, String> environment = environment();
        EngineCheck.unavailable(environment).ifPresent(reason -> Assumptions.abort("jcompose: " + reason));
        ComposeFixture fixture = fixture(settings, testClass).processEnvironment(environment);
        Held held = settings.scope() == Scope.SUITE
                ? context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(fixture.key(), k -> new Held(fixture.start()), Held.class)
                : new Held(fixture.start());
        if (settings.scope() == Scope.CLASS) {
            context.getStore(NAMESPACE).put(CLASS_KEY, held);
        } else {
            context.getStore(NAMESPACE).put(CLASS_KEY, new Shared(held.stack()));
        }
    }

    /**
     * The test JVM's environment, with {@code -Djcompose.env.NAME=value} on top (as the engine reads
     * its launcher's): Surefire's {@code systemPropertyVariables} can point a module's tests at another
     * engine (run root) or group.
     */
    static java.util.Map<String, String> environment() {
        return EngineCheck.environment(System.getenv(), System.getProperties());
    }

    /** A suite stack as a class sees it: the root store closes it, not the class. */
    private record Shared(ComposeStack stack) {}

    static ComposeFixture fixture(ComposeTest settings, Class<?> testClass) {
        ComposeFixture fixture = ComposeFixture.of(
                        Arrays.stream(settings.files()).map(Path::of).toArray(Path[]::new))
                .projectPrefix(
                        settings.projectPrefix().isEmpty() ? testClass.getSimpleName() : settings.projectPrefix())
                .profiles(settings.profiles())
                .waitTimeout(Duration.ofSeconds(settings.waitSeconds()))
                .logsOnFailure(Path.of(settings.logs(), testClass.getName(), "start"));
        if (settings.scope() == Scope.SUITE && settings.projectPrefix().isEmpty()) {
            fixture.projectPrefix("suite");
        }
        for (String pair : settings.env()) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new org.junit.platform.commons.PreconditionViolationException(
                        "@ComposeTest env entry '" + pair + "' on " + testClass.getName() + " is not NAME=value");
            }
            fixture.env(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (settings.ephemeralHostPorts()) {
            fixture.ephemeralHostPorts();
        }
        return fixture;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Optional<ComposeStack> stack = stack(context);
        if (stack.isEmpty()) {
            return;
        }
        ComposeTest settings = settings(context.getRequiredTestClass());
        String method = context.getTestMethod().map(Method::getName).orElse("unknown");
        stack.get()
                .writeLogs(
                        Path.of(settings.logs(), context.getRequiredTestClass().getName(), method));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ComposeStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context)
                .orElseThrow(() -> new ParameterResolutionException("no compose stack for "
                        + context.getRequiredTestClass().getName() + ": it did not start (see the class's failure)"));
    }

    private static Optional<ComposeStack> stack(ExtensionContext context) {
        Object held = context.getStore(NAMESPACE).get(CLASS_KEY);
        if (held instanceof Held h) {
            return Optional.of(h.stack());
        }
        if (held instanceof Shared s) {
            return Optional.of(s.stack());
        }
        return Optional.empty();
    }

    private static ComposeTest settings(Class<?> testClass) {
        ComposeTest settings = testClass.getAnnotation(ComposeTest.class);
        if (settings == null) {
            throw new org.junit.platform.commons.PreconditionViolationException(
                    testClass.getName() + " uses ComposeExtension without @ComposeTest");
        }
        return settings;
    }
}
