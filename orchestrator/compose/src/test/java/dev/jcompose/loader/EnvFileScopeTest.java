package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker compose >= 2.34 loads env files for the selected services only. */
class EnvFileScopeTest {
    @TempDir
    Path tmp;

    ConfigRun run;

    @BeforeEach
    void setUp() {
        run = new ConfigRun(tmp.resolve("proj"));
        run.write("db.env", "DB=1\n");
        run.write("compose.yaml", """
                services:
                  broken: {image: a, env_file: missing.env}
                  web: {image: a, env_file: web.env, depends_on: [db]}
                  db: {image: a, env_file: db.env}
                """);
    }

    @Test
    void aMissingEnvFileOfAnUnselectedServiceIsNoError() {
        run.write("web.env", "WEB=1\n");
        LoadedProject p = run.load(LoadOptions.in(run.dir).withServices("web"));
        assertThat(p.project().service("web").orElseThrow().environment()).containsEntry("WEB", "1");
        assertThat(p.project().service("db").orElseThrow().environment()).containsEntry("DB", "1");
    }

    @Test
    void aMissingEnvFileOfASelectedServiceOrItsDependencyIsStillAnError() {
        assertThatThrownBy(() -> run.load(LoadOptions.in(run.dir).withServices("web")))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("web.env");
        run.write("web.env", "WEB=1\n");
        run.write("db.env", "DB=1\n");
        assertThatThrownBy(() -> run.load(LoadOptions.in(run.dir).withServices("broken")))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("missing.env");
        assertThatThrownBy(() -> run.load())
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("missing.env");
    }

    @Test
    void listingsReadNoServiceEnvFile() {
        LoadedProject p = run.load(LoadOptions.in(run.dir).withServiceEnvFiles(false));
        assertThat(p.project().services()).containsOnlyKeys("broken", "web", "db");
        assertThat(p.project().service("db").orElseThrow().environment()).doesNotContainKey("DB");
    }
}
