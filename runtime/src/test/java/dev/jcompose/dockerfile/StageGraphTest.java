package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which stages a target needs, in which order, and which may build side by side. */
class StageGraphTest {
    private static final String MULTI = """
            ARG BASE=debian
            FROM $BASE AS deps
            RUN fetch
            FROM deps AS build
            RUN --mount=type=bind,from=assets,target=/assets make
            FROM busybox AS assets
            RUN draw
            FROM build AS test
            RUN test
            FROM scratch AS release
            COPY --from=build /out /
            COPY --from=2 /img /img
            COPY --from=nginx:1.27 /etc/nginx /etc/nginx
            FROM busybox AS docs
            """;

    private static StageGraph graph(String text, String target) {
        Dockerfile df = DockerfileParser.parse(text, "Dockerfile");
        return StageGraph.of(
                df, target, new BuildArgs(df, Map.of(), new BuildPlatform("linux", "amd64", null)).globalLookup());
    }

    private static List<String> names(List<Stage> stages) {
        return stages.stream().map(Stage::name).toList();
    }

    @Test
    void theTargetNeedsItsBaseItsCopySourcesAndItsMountSources() {
        StageGraph g = graph(MULTI, "release");

        assertThat(names(g.order())).containsExactly("deps", "assets", "build", "release");
        assertThat(g.levels())
                .extracting(StageGraphTest::names)
                .containsExactly(List.of("deps", "assets"), List.of("build"), List.of("release"));
        assertThat(names(g.skipped())).containsExactly("test", "docs");
        assertThat(names(g.needs(g.target()))).containsExactly("build", "assets");
    }

    @Test
    void withoutATargetTheLastStageIsBuiltAlone() {
        StageGraph g = graph(MULTI, null);

        assertThat(names(g.order())).containsExactly("docs");
        assertThat(g.base(g.target())).isEqualTo(new StageGraph.Base(null, "busybox"));
    }

    @Test
    void fromNamesAStageOrAnImageAfterTheGlobalArgsAreSubstituted() {
        StageGraph g = graph(MULTI, "test");
        Dockerfile df = DockerfileParser.parse(MULTI, "Dockerfile");

        assertThat(g.base(df.stages().get(0))).isEqualTo(new StageGraph.Base(null, "debian"));
        assertThat(g.base(df.stages().get(1)).stage().name()).isEqualTo("deps");
        assertThat(g.stageFor(df.stages().get(4), "nginx:1.27")).isNull();
        assertThat(g.stageFor(df.stages().get(4), "BUILD").name()).isEqualTo("build");
        assertThat(g.needed(df.stages().get(2))).isTrue();
    }

    @Test
    void anUnknownTargetListsTheStageNames() {
        assertThatThrownBy(() -> graph(MULTI, "prod"))
                .isInstanceOf(DockerfileException.class)
                .hasMessage("target stage \"prod\" could not be found")
                .extracting(e -> ((DockerfileException) e).hint())
                .isEqualTo("the named stages are: deps, build, assets, test, release, docs");
    }

    @Test
    void aFromCanOnlyBuildOnAnEarlierStageButItsOwnNameIsAnImage() {
        assertThatThrownBy(() -> graph("FROM later AS early\nFROM busybox AS later\n", null))
                .hasMessage("Dockerfile:1: FROM: FROM later names a later stage (line 2)");
        StageGraph g = graph("FROM node AS node\nRUN npm ci\n", null);
        assertThat(g.base(g.target())).isEqualTo(new StageGraph.Base(null, "node"));
    }

    @Test
    void copyAndMountSourcesMayBeLaterStagesWithoutACycle() {
        StageGraph g = graph(
                "FROM busybox AS app\nCOPY --from=2 /x /x\nRUN --mount=from=gen,target=/g true\n"
                        + "FROM busybox AS gen\nFROM busybox AS tools\n",
                "app");

        assertThat(g.levels())
                .extracting(StageGraphTest::names)
                .containsExactly(List.of("gen", "tools"), List.of("app"));
    }

    @Test
    void stagesThatNeedEachOtherAreRefused() {
        assertThatThrownBy(() -> graph("FROM busybox AS a\nCOPY --from=a /x /y\n", null))
                .hasMessage("Dockerfile:1: FROM: circular dependency detected on stage: a");
        assertThatThrownBy(() -> graph("FROM busybox AS a\nCOPY --from=b /x /y\nFROM a AS b\nFROM busybox\n", null))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("circular dependency detected on stage: ")
                .extracting(e -> ((DockerfileException) e).hint())
                .isEqualTo("the stages use each other: a -> b -> a; break the loop");
        assertThatThrownBy(() -> graph("FROM busybox\nCOPY --from=1 /x /y\n", null))
                .hasMessage("Dockerfile:2: COPY: invalid stage index 1");
    }

    @Test
    void aStageNamedLikeANamedContextIsTakenFromItAndNotBuilt() {
        Dockerfile df = DockerfileParser.parse(MULTI, "Dockerfile");

        StageGraph g = StageGraph.of(df, "release", Map.of("BASE", "debian")::get, Set.of("build"));

        assertThat(names(g.order())).containsExactly("build", "assets", "release");
        assertThat(g.replacedByContext(df.stages().get(1))).isTrue();
        assertThat(g.needs(df.stages().get(1))).isEmpty();
    }

    @Test
    void aBlankBaseAfterSubstitutionIsRefused() {
        assertThatThrownBy(() -> graph("ARG IMAGE\nFROM $IMAGE\n", null))
                .hasMessage("Dockerfile:2: FROM: base name ($IMAGE) should not be blank");
    }
}
