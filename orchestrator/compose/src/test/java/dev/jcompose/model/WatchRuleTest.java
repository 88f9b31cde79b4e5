package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** develop.watch as typed rules: paths absolute on the project directory, compose's watch-time checks. */
class WatchRuleTest {
    @TempDir
    Path tmp;

    private Project load(String yaml) throws Exception {
        Files.writeString(tmp.resolve("compose.yaml"), yaml);
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(tmp).withProjectName("t").withProcessEnv(Map.of()))
                .project();
    }

    @Test
    void everyFieldIsTypedAndPathsAreAbsolute() throws Exception {
        Project p = load("""
                services:
                  web:
                    build: ./app
                    develop:
                      watch:
                        - {action: sync, path: ./app/src, target: /srv/src, ignore: [node_modules/, "*.log"], initial_sync: true}
                        - {action: sync+restart, path: ./app/conf, target: /etc/app, include: ["*.conf"]}
                        - {action: rebuild, path: ./app/package.json}
                        - {action: sync+exec, path: ./app/www, target: /www, exec: {command: ["kill", "-HUP", "1"]}}
                  db:
                    image: busybox
                """);
        List<WatchRule> rules = WatchRule.of("web", p.services().get("web"));
        Path dir = tmp.toRealPath();
        assertThat(rules)
                .containsExactly(
                        new WatchRule(
                                "web",
                                WatchAction.SYNC,
                                dir.resolve("app/src"),
                                "/srv/src",
                                List.of("node_modules/", "*.log"),
                                List.of(),
                                true,
                                List.of()),
                        new WatchRule(
                                "web",
                                WatchAction.SYNC_RESTART,
                                dir.resolve("app/conf"),
                                "/etc/app",
                                List.of(),
                                List.of("*.conf"),
                                false,
                                List.of()),
                        new WatchRule(
                                "web",
                                WatchAction.REBUILD,
                                dir.resolve("app/package.json"),
                                null,
                                List.of(),
                                List.of(),
                                false,
                                List.of()),
                        new WatchRule(
                                "web",
                                WatchAction.SYNC_EXEC,
                                dir.resolve("app/www"),
                                "/www",
                                List.of(),
                                List.of(),
                                false,
                                List.of("kill", "-HUP", "1")));
        assertThat(WatchRule.of("db", p.services().get("db"))).isEmpty();
        assertThat(rules.get(0).action().syncs()).isTrue();
        assertThat(rules.get(2).action().syncs()).isFalse();
    }

    @Test
    void rebuildNeedsABuildSectionAtWatchTime() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    develop:
                      watch: [{action: rebuild, path: ./src}]
                """);
        assertThatThrownBy(() -> WatchRule.of("web", p.services().get("web")))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("can't watch service \"web\" with action rebuild without a build context");
    }
}
