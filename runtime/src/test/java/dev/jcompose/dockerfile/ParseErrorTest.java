package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dockerfiles Docker refuses: the message names file, line and instruction; the hint says how to fix it. */
class ParseErrorTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("", "Dockerfile: file with no instructions", "FROM"),
                refused("# only a comment\n\n", "Dockerfile: file with no instructions", "FROM"),
                refused("ARG A=1\n", "Dockerfile: dockerfile contains no stages to build", "FROM"),
                refused(
                        "FROM x\nBOGUSWORD bar\n",
                        "Dockerfile:2: BOGUSWORD: unknown instruction: BOGUSWORD",
                        "instructions are ADD"),
                refused("FROM x\nRUNN make\n", "Dockerfile:2: RUNN: unknown instruction: RUNN", "did you mean RUN?"),
                refused("RUN make\nFROM x\n", "Dockerfile:1: RUN: no build stage in current context", "only ARG"),
                refused("FROM x\nWORKDIR\n", "Dockerfile:2: WORKDIR: WORKDIR requires exactly one argument", null),
                refused("FROM x\nUSER  \n", "Dockerfile:2: USER: USER requires exactly one argument", null),
                refused("FROM x\nEXPOSE\n", "Dockerfile:2: EXPOSE: EXPOSE requires at least one argument", null),
                refused("FROM x\nRUN\n", "Dockerfile:2: RUN: RUN requires at least one argument", "command"),
                refused(
                        "FROM x\nCOPY app\n",
                        "Dockerfile:2: COPY: COPY requires at least two arguments, but only one was provided. "
                                + "Destination could not be determined",
                        "COPY source... destination"),
                refused(
                        "FROM x\nCOPY --fromm=a . /\n",
                        "Dockerfile:2: COPY: unknown flag: --fromm",
                        "--chmod, --chown, --exclude, --from, --link"),
                refused("FROM x\nADD --from=a . /\n", "Dockerfile:2: ADD: unknown flag: --from", "--checksum"),
                refused(
                        "FROM x\nCOPY --chown=a --chown=b . /\n",
                        "Dockerfile:2: COPY: duplicate flag specified: --chown",
                        null),
                refused("FROM x\nCOPY --chown . /\n", "Dockerfile:2: COPY: missing a value on flag: --chown", null),
                refused(
                        "FROM x\nCOPY --link=maybe . /\n",
                        "Dockerfile:2: COPY: expecting boolean value for flag --link, not: maybe",
                        null),
                refused("FROM x\nCOPY --link= . /\n", "Dockerfile:2: COPY: missing a value on flag: --link", null),
                refused("FROM x\nRUN --mount true\n", "Dockerfile:2: RUN: missing a value on flag: --mount", null),
                refused("FROM x\nWORKDIR --x /a\n", "Dockerfile:2: WORKDIR: unknown flag: --x", "it takes no flags"),
                refused(
                        "FROM x\nCOPY --parents a/b /\n",
                        "Dockerfile:2: COPY: --parents is not supported by jcompose",
                        "explicitly"),
                refused(
                        "FROM x\nCOPY --from=$STAGE /a /b\n",
                        "Dockerfile:2: COPY: variable expansion is not supported for --from",
                        "global scope"),
                refused(
                        "FROM x\nRUN --mount=type=ssh true\n",
                        "Dockerfile:2: RUN: unsupported mount type \"ssh\"",
                        "SSH agent"),
                refused(
                        "FROM x\nRUN --mount=type=volume,target=/a true\n",
                        "Dockerfile:2: RUN: unsupported mount type \"volume\"",
                        "bind, cache, tmpfs, secret"),
                refused(
                        "FROM x\nRUN --mount=type=cache true\n",
                        "Dockerfile:2: RUN: mount target is required",
                        "target="),
                refused(
                        "FROM x\nRUN --mount=type=bind,target=/a,mode=0700 true\n",
                        "Dockerfile:2: RUN: mode not allowed for \"bind\" type mounts",
                        null),
                refused(
                        "FROM x\nRUN --mount=type=cache,target=/a,sharing=some true\n",
                        "Dockerfile:2: RUN: unsupported sharing value \"some\"",
                        "shared, private, locked"),
                refused(
                        "FROM x\nRUN --mount=type=cache,target=/a,colour=red true\n",
                        "Dockerfile:2: RUN: unexpected key 'colour' in 'colour=red'",
                        null),
                refused(
                        "FROM x\nRUN --mount=type=secret,id=a,src=b true\n",
                        "Dockerfile:2: RUN: both source and id can't be set",
                        null),
                refused(
                        "FROM x\nRUN --mount=type=bind,target=/a,from=$X true\n",
                        "Dockerfile:2: RUN: variable expansion is not supported for --from",
                        null),
                refused(
                        "FROM x\nRUN --network=bridge true\n",
                        "Dockerfile:2: RUN: invalid network mode \"bridge\"",
                        null),
                refused(
                        "FROM x\nRUN --security=insecure true\n",
                        "Dockerfile:2: RUN: --security=insecure is not supported by jcompose",
                        null),
                refused(
                        "FROM x\nHEALTHCHECK --interval=5 CMD true\n",
                        "Dockerfile:2: HEALTHCHECK: invalid duration \"5\" for --interval",
                        "30s"),
                refused(
                        "FROM x\nHEALTHCHECK --timeout=10ns CMD true\n",
                        "Dockerfile:2: HEALTHCHECK: Interval \"timeout\" cannot be less than 1ms",
                        null),
                refused(
                        "FROM x\nHEALTHCHECK --retries=-1 CMD true\n",
                        "Dockerfile:2: HEALTHCHECK: --retries cannot be negative (-1)",
                        null),
                refused(
                        "FROM x\nHEALTHCHECK RUN true\n",
                        "Dockerfile:2: HEALTHCHECK: Unknown type \"RUN\" in HEALTHCHECK (try CMD)",
                        null),
                refused(
                        "FROM x\nHEALTHCHECK NONE now\n",
                        "Dockerfile:2: HEALTHCHECK: HEALTHCHECK NONE takes no arguments",
                        null),
                refused(
                        "FROM x\nHEALTHCHECK CMD\n",
                        "Dockerfile:2: HEALTHCHECK: Missing command after HEALTHCHECK CMD",
                        null),
                refused(
                        "FROM x\nONBUILD ONBUILD RUN a\n",
                        "Dockerfile:2: ONBUILD: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                        null),
                refused(
                        "FROM x\nONBUILD FROM y\n",
                        "Dockerfile:2: ONBUILD: FROM isn't allowed as an ONBUILD trigger",
                        null),
                refused(
                        "FROM x\nONBUILD maintainer me\n",
                        "Dockerfile:2: ONBUILD: MAINTAINER isn't allowed as an ONBUILD trigger",
                        null),
                refused("FROM x\nONBUILD\n", "Dockerfile:2: ONBUILD: ONBUILD requires at least one argument", null),
                refused("FROM x AS a\nFROM y AS A\n", "Dockerfile:2: FROM: duplicate stage name \"a\"", "line 1"),
                refused(
                        "FROM x AS 1st\n",
                        "Dockerfile:1: FROM: invalid name for build stage: \"1st\", name can't start with a number or contain symbols",
                        null),
                refused(
                        "FROM x AS b@d\n",
                        "Dockerfile:1: FROM: invalid name for build stage: \"b@d\", name can't start with a number or contain symbols",
                        null),
                refused("FROM x y\n", "Dockerfile:1: FROM: FROM requires either one or three arguments", null),
                refused("# escape=|\nFROM x\n", "Dockerfile:1: invalid escape token '|' does not match ` or \\", null),
                refused(
                        "# escape=`\n# escape=\\\nFROM x\n",
                        "Dockerfile:2: only one escape parser directive can be used",
                        null),
                refused("FROM x\nRUN <<EOF\necho never ends\n", "Dockerfile:2: RUN: unterminated heredoc <<EOF", "EOF"),
                refused(
                        "FROM x\nCOPY a <<EOF\nx\nEOF\n",
                        "Dockerfile:2: COPY: COPY cannot accept a heredoc as a destination",
                        null),
                refused(
                        "FROM x\nSHELL /bin/sh -c\n",
                        "Dockerfile:2: SHELL: SHELL requires the arguments to be in JSON form",
                        null),
                refused(
                        "FROM x\nENV A=1 B\n",
                        "Dockerfile:2: ENV: Syntax error - can't find = in \"B\". Must be of the form: name=value",
                        null),
                refused("FROM x\nENV ALONE\n", "Dockerfile:2: ENV: ENV must have two arguments", null),
                refused("FROM x\nLABEL =v\n", "Dockerfile:2: LABEL: LABEL names can not be blank", null),
                refused("FROM x\nARG =v\n", "Dockerfile:2: ARG: ARG names can not be blank", null),
                refused(
                        "FROM x\nCMD [\"a\", 1]\n",
                        "Dockerfile:2: CMD: when using JSON array syntax, arrays must be comprised of strings only",
                        null),
                refused(
                        "FROM x\nVOLUME [\"\"]\n",
                        "Dockerfile:2: VOLUME: VOLUME specified can not be an empty string",
                        null));
    }

    private static Arguments refused(String text, String message, String hint) {
        return Arguments.of(text, message, hint);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWithFileLineAndInstruction(String text, String message, String hint) {
        DockerfileException e =
                catchThrowableOfType(DockerfileException.class, () -> DockerfileParser.parse(text, "Dockerfile"));

        assertThat(e).as("parsing %s", text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        if (hint != null) {
            assertThat(e.hint()).contains(hint);
        }
    }
}
