package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class EngineMismatchTest {
    final EngineInfo ours = new EngineInfo(1, 100, "0.1.0", "0.1.0+20261123.050000.456", 0);

    @Test
    void theSameBuildSpeakingTheSameProtocolIsNoMismatch() {
        assertThat(EngineMismatch.of(ours, new EngineInfo(1, 42, "0.1.0", "0.1.0+20261123.050000.456", 3)))
                .isEmpty();
    }

    @Test
    void anIdleEngineOfAnotherBuildIsReplacedWithOneLine() {
        EngineMismatch m = EngineMismatch.of(ours, new EngineInfo(1, 42, "0.1.0", "0.1.0+20261122.230000.001", 0))
                .orElseThrow();
        assertThat(m.idle()).isTrue();
        assertThat(m.notice())
                .isEqualTo("jcompose: stopped the idle engine of another build (pid 42, build"
                        + " 0.1.0+20261122.230000.001); starting one of this build (0.1.0+20261123.050000.456)");
    }

    @Test
    void aBusyEngineOfAnotherBuildIsAnErrorSayingWhichBuildsAndHowToFixIt() {
        EngineMismatch m = EngineMismatch.of(ours, new EngineInfo(1, 42, "0.1.0", "0.1.0+20261122.230000.001", 2))
                .orElseThrow();
        assertThat(m.idle()).isFalse();
        assertThat(m.busy())
                .hasMessage("the running jcompose engine (pid 42) is build 0.1.0+20261122.230000.001, this"
                        + " jcompose is build 0.1.0+20261123.050000.456, and it is busy with 2 commands");
        assertThat(m.busy().hint())
                .isEqualTo(
                        "run `jcompose engine stop` once its commands are done (containers keep"
                                + " running), then run this command again: an engine of this build starts and adopts the containers");
        assertThat(m.busy().exitCode()).isEqualTo(1);
    }

    @Test
    void anotherProtocolIsAMismatchEvenOfTheSameBuildName() {
        EngineMismatch m = EngineMismatch.of(ours, new EngineInfo(2, 42, "0.1.0", "0.1.0+20261123.050000.456", 1))
                .orElseThrow();
        assertThat(m.busy())
                .hasMessage("the running jcompose engine (pid 42) speaks protocol 2 (build"
                        + " 0.1.0+20261123.050000.456), this jcompose speaks 1 (build 0.1.0+20261123.050000.456), and it is busy"
                        + " with 1 command");
    }

    @Test
    void anEngineOlderThanTheBuildCheckCannotSayWhetherItIsBusyAndIsNeverStopped() {
        EngineInfo old =
                EngineInfo.fromJson(new EngineInfo(1, 42, "dev").toJson().without(java.util.List.of("build", "busy")));
        EngineMismatch m = EngineMismatch.of(ours, old).orElseThrow();
        assertThat(m.idle()).isFalse();
        assertThat(m.busy())
                .hasMessage(
                        "the running jcompose engine (pid 42) is build unknown, this jcompose is build"
                                + " 0.1.0+20261123.050000.456, and it cannot tell whether it is busy (it predates the build check)");
    }

    @Test
    void theBuildIsBakedAtBuildTimeAndUnfilteredClassesAreDev() {
        BuildIdentity current = BuildIdentity.current();
        assertThat(current.build()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+\\d{8}\\.\\d{6}\\.\\d{3}");
        assertThat(current.build()).startsWith(current.version() + "+");
        assertThat(EngineInfo.current().build()).isEqualTo(current.build());
        Properties unfiltered = new Properties();
        unfiltered.setProperty("version", "${project.version}");
        assertThat(BuildIdentity.of(unfiltered)).isEqualTo(new BuildIdentity("dev", "dev"));
    }
}
