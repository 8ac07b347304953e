package io.ieim.devstack.junit;

import io.ieim.devstack.EmbeddedStack;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.StackStatus;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts the embedded stack once for the whole test run of a JVM and stops it after the last test,
 * but only if it started it: a stack that was already up (e.g. started by CI before the build, so
 * that all modules share one) is reused and left running.
 *
 * <p>The test stack lives apart from a developer's: {@code <home>/var/test-stack}, port base 29000
 * (system properties {@code ieim.test.var} or the environment variable {@code IEIM_TEST_VAR}, and
 * {@code ieim.test.portBase}, override).
 * {@code -Dieim.skipStackTests=true} disables these tests.
 */
public final class EmbeddedStackExtension implements BeforeAllCallback, ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedStackExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Boolean.getBoolean("ieim.skipStackTests")
                ? ConditionEvaluationResult.disabled("ieim.skipStackTests=true")
                : ConditionEvaluationResult.enabled("embedded stack tests enabled");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        handle(context);
    }

    private static StackHandle handle(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StackHandle.class, k -> StackHandle.start(), StackHandle.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedStack.class || type == StackConfig.class || type == StackStatus.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        StackHandle handle = handle(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == StackConfig.class) {
            return handle.stack.config();
        }
        if (type == StackStatus.class) {
            return handle.status;
        }
        return handle.stack;
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the JVM. */
    static final class StackHandle implements AutoCloseable {
        final EmbeddedStack stack;
        final StackStatus status;
        final boolean owned;

        private StackHandle(EmbeddedStack stack, StackStatus status, boolean owned) {
            this.stack = stack;
            this.status = status;
            this.owned = owned;
        }

        static StackHandle start() {
            StackConfig base = StackConfig.fromEnvironment();
            String configured = System.getProperty("ieim.test.var", System.getenv("IEIM_TEST_VAR"));
            Path var = configured != null && !configured.isBlank() ? Path.of(configured)
                    : base.home().resolve("var/test-stack");
            int portBase = Integer.getInteger("ieim.test.portBase", 29000);
            EmbeddedStack stack = new EmbeddedStack(base.withVarDir(var).withPortBase(portBase));
            boolean alreadyUp = stack.status().healthy();
            try {
                StackStatus status = stack.up();
                return new StackHandle(stack, status, !alreadyUp);
            } catch (Exception e) {
                if (!alreadyUp && !Boolean.getBoolean("ieim.test.keepStack")) {
                    stack.down(); // leave no half-started servers behind
                }
                throw new IllegalStateException("the embedded stack did not come up: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (owned && !Boolean.getBoolean("ieim.test.keepStack")) {
                stack.down();
            }
        }
    }
}
