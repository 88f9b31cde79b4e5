package dev.jcompose.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a compose stack. The stack starts before the class (waiting until
 * every container runs and is healthy), its tests and constructor receive the
 * {@link dev.jcompose.fixtures.ComposeStack} as a parameter, and a failed test leaves every
 * container's log under {@code logs()/<class>/<method>/}.
 *
 * <pre>{@code
 * @ComposeTest(files = "src/test/compose/compose.yaml")
 * class OrdersTest {
 *     @Test void answers(ComposeStack stack) { ... stack.endpoint("api", 8080) ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ComposeExtension.class)
public @interface ComposeTest {
    /** The compose files, relative to the working directory (the module's directory under Maven). */
    String[] files();

    /** Profiles to enable. */
    String[] profiles() default {};

    /** Interpolation variables as {@code NAME=value}. */
    String[] env() default {};

    Scope scope() default Scope.CLASS;

    /** The project name's prefix; default: the test class's simple name. */
    String projectPrefix() default "";

    /**
     * Published ports become free host ports and container names go (default), so forks and parallel
     * classes can run the same file at once.
     */
    boolean ephemeralHostPorts() default true;

    /** How long to wait for the stack to be healthy, in seconds. */
    long waitSeconds() default 120;

    /** Where failed tests' container logs go. */
    String logs() default "target/jcompose-logs";
}
