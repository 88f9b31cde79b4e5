package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARG scoping across stages, ENV over ARG, predefined and platform ARGs, unused build arguments. */
class BuildArgsTest {
    private static final BuildPlatform HOST = new BuildPlatform("linux", "arm64", "v8");

    private static Dockerfile parse(String text) {
        return DockerfileParser.parse(text, "Dockerfile");
    }

    /** Walks a stage the way the executor does, returning the scope after its last instruction. */
    private static StageScope walk(BuildArgs args, Stage stage, List<String> baseEnv) {
        StageScope scope = args.stage(stage, baseEnv);
        stage.instructions().forEach(scope::apply);
        return scope;
    }

    @Test
    void globalArgsReachFromLinesWithBuildArgumentsOverDefaults() {
        Dockerfile df =
                parse("ARG BASE=busybox\nARG TAG\nARG REF=$BASE:${TAG:-latest}\nFROM $REF\nFROM ${BASE}:$TAG\n");

        var defaults = new BuildArgs(df, Map.of(), HOST);
        var given = new BuildArgs(df, Map.of("TAG", "1.36"), HOST);

        assertThat(defaults.from(df.stages().get(0)).image()).isEqualTo("busybox:latest");
        assertThat(defaults.from(df.stages().get(1)).image()).isEqualTo("busybox:");
        assertThat(given.from(df.stages().get(0)).image()).isEqualTo("busybox:1.36");
        assertThat(given.globalValues()).contains(entry("BASE", "busybox"), entry("TAG", "1.36"));
    }

    @Test
    void aNullBuildArgumentMeansNotGiven() {
        Dockerfile df = parse("ARG TAG=default\nFROM x:$TAG\n");
        Map<String, String> args = new HashMap<>();
        args.put("TAG", null);

        assertThat(new BuildArgs(df, args, HOST).from(df.stages().get(0)).image())
                .isEqualTo("x:default");
    }

    @Test
    void aStageSeesAGlobalArgOnlyOnceItDeclaresItAgain() {
        Dockerfile df = parse("ARG V=global\nFROM x\nRUN a\nARG V\nRUN b\nFROM y\nARG V=own\n");
        var args = new BuildArgs(df, Map.of(), HOST);
        Stage first = df.stages().get(0);
        StageScope scope = args.stage(first, List.of());

        scope.apply(first.instructions().get(0));
        assertThat(scope.lookup().apply("V")).isNull();
        scope.apply(first.instructions().get(1));
        assertThat(scope.lookup().apply("V")).isEqualTo("global");
        assertThat(walk(args, df.stages().get(1), List.of()).argsInScope()).containsExactly(entry("V", "own"));
    }

    @Test
    void aStageBuiltOnAnotherStageKeepsItsArgsAndEnv() {
        Dockerfile df = parse("FROM x AS base\nARG V=1\nENV E=2\nFROM base\nARG W=${V}${E}\n");
        var args = new BuildArgs(df, Map.of(), HOST);
        StageScope base = walk(args, df.stages().get(0), List.of("PATH=/bin"));

        StageScope child = args.stage(df.stages().get(1), base);
        df.stages().get(1).instructions().forEach(child::apply);

        assertThat(child.argsInScope()).containsExactly(entry("V", "1"), entry("W", "12"));
        assertThat(child.envList()).containsExactly("PATH=/bin", "E=2");
        assertThat(base.argsInScope()).containsExactly(entry("V", "1"));
    }

    @Test
    void aBuildArgumentOverridesEveryDeclarationsDefault() {
        Dockerfile df = parse("ARG V=global\nFROM x\nARG V=stage\nFROM y\nARG V\n");
        var args = new BuildArgs(df, Map.of("V", "cli"), HOST);

        assertThat(walk(args, df.stages().get(0), List.of()).argsInScope()).containsExactly(entry("V", "cli"));
        assertThat(walk(args, df.stages().get(1), List.of()).argsInScope()).containsExactly(entry("V", "cli"));
    }

    @Test
    void argDefaultsSeeEarlierArgsAndEnv() {
        Dockerfile df = parse("FROM x\nARG A=a\nENV E=e\nARG B=${A}-${E}-${HOME}\n");

        StageScope scope = walk(new BuildArgs(df, Map.of(), HOST), df.stages().get(0), List.of("HOME=/root"));

        assertThat(scope.argsInScope()).containsExactly(entry("A", "a"), entry("B", "a-e-/root"));
    }

    @Test
    void envOverridesAnArgOfTheSameNameWhicheverComesFirst() {
        Dockerfile df = parse("FROM x\nARG V=arg\nENV V=env\nARG W=arg\nFROM y\nENV W=env\nARG W=arg\n");
        var args = new BuildArgs(df, Map.of(), HOST);

        StageScope first = walk(args, df.stages().get(0), List.of());
        StageScope second = walk(args, df.stages().get(1), List.of());

        assertThat(first.lookup().apply("V")).isEqualTo("env");
        assertThat(first.argsInScope()).containsExactly(entry("W", "arg"));
        assertThat(second.lookup().apply("W")).isEqualTo("env");
        assertThat(second.argsInScope()).isEmpty();
    }

    @Test
    void envStartsFromTheBaseImageAndKeepsItsOrder() {
        Dockerfile df = parse("FROM x\nENV PATH=/app/bin:$PATH NEW=1\nENV HOME=/home/app\n");

        StageScope scope =
                walk(new BuildArgs(df, Map.of(), HOST), df.stages().get(0), List.of("PATH=/usr/bin", "HOME=/root"));

        assertThat(scope.envList()).containsExactly("PATH=/app/bin:/usr/bin", "HOME=/home/app", "NEW=1");
    }

    @Test
    void platformArgsAreGlobalAndReachAStageThatDeclaresThem() {
        Dockerfile df = parse(
                "FROM --platform=$BUILDPLATFORM base-$TARGETARCH\nARG TARGETPLATFORM TARGETVARIANT\nARG BUILDOS\n");
        var args = new BuildArgs(df, Map.of(), HOST);

        assertThat(args.from(df.stages().get(0)))
                .extracting(Instruction.From::platform, Instruction.From::image)
                .containsExactly("linux/arm64/v8", "base-arm64");
        assertThat(walk(args, df.stages().get(0), List.of()).argsInScope())
                .containsExactly(
                        entry("BUILDOS", "linux"),
                        entry("TARGETPLATFORM", "linux/arm64/v8"),
                        entry("TARGETVARIANT", "v8"));
    }

    @Test
    void proxyArgsReachRunWithoutDeclarationButStayOutOfTheCacheKey() {
        Dockerfile df = parse("FROM x\nRUN a\nFROM y\nARG https_proxy\n");
        var args = new BuildArgs(df, Map.of("HTTP_PROXY", "http://p:3128", "https_proxy", "http://s:3128"), HOST);

        StageScope undeclared = walk(args, df.stages().get(0), List.of());
        StageScope declared = walk(args, df.stages().get(1), List.of());

        assertThat(undeclared.argsInScope()).isEmpty();
        assertThat(undeclared.lookup().apply("HTTP_PROXY")).isNull();
        assertThat(undeclared.proxyArgs())
                .containsExactly(entry("HTTP_PROXY", "http://p:3128"), entry("https_proxy", "http://s:3128"));
        assertThat(declared.argsInScope()).containsExactly(entry("https_proxy", "http://s:3128"));
        assertThat(declared.proxyArgs()).containsExactly(entry("HTTP_PROXY", "http://p:3128"));
    }

    @Test
    void buildArgumentsNoBuiltStageDeclaresAreReported() {
        Dockerfile df = parse("ARG G\nFROM x AS a\nARG A\nFROM y AS b\nARG B\n");
        var args = new BuildArgs(df, Map.of("G", "1", "A", "2", "B", "3", "NOPE", "4", "HTTP_PROXY", "p"), HOST);

        assertThat(args.unconsumed(df.stages())).containsExactly("NOPE");
        assertThat(args.unconsumedWarning(List.of(df.stages().get(1))))
                .isEqualTo("[Warning] One or more build-args [A, NOPE] were not consumed");
        assertThat(new BuildArgs(df, Map.of("G", "1"), HOST).unconsumedWarning(List.of()))
                .isNull();
    }
}
