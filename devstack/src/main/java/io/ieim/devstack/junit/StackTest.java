package io.ieim.devstack.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test class that talks to the real embedded stack. The stack starts once per
 * test JVM (or is reused when already running) and the test may take an
 * {@link io.ieim.devstack.EmbeddedStack} or {@link io.ieim.devstack.StackConfig} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("stack")
@ExtendWith(EmbeddedStackExtension.class)
public @interface StackTest {
}
