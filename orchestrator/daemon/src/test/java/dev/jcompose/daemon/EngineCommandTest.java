package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCommandTest {
    @Test
    void startsThisJvmsJavaWithThisClassPathInItsOwnSession() {
        List<String> argv = EngineCommand.sameJvm(Path.of("/run/jcompose"), List.of("-Xmx64m"), List.of())
                .argv();

        assertThat(argv.getFirst()).isEqualTo("/usr/bin/setsid");
        assertThat(argv.get(1))
                .isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        int classPath = argv.indexOf("-cp") + 1;
        assertThat(argv.get(classPath)).isEqualTo(System.getProperty("java.class.path"));
        assertThat(argv.get(classPath - 2)).isEqualTo("-Xmx64m");
        assertThat(argv.subList(classPath + 1, argv.size()))
                .containsExactly("dev.jcompose.daemon.EngineMain", "--run-root", "/run/jcompose");
    }

    @Test
    void nettyWarningFlagsOnlyWhereTheJdkKnowsThem() {
        assertThat(EngineCommand.quietNetty(21)).isEmpty();
        assertThat(EngineCommand.quietNetty(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(EngineCommand.quietNetty(25))
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }
}
