package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.JcomposeException;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static ObjectNode params() {
        ObjectNode params = FrameCodec.object();
        params.put("project", "demo");
        params.putArray("services").add("web").add("db");
        return params;
    }

    @Test
    void callEncodesAsOneLineInFieldOrder() {
        String line = FrameCodec.encode(new Frame.Call(7, "up", params()));

        assertThat(line)
                .isEqualTo(
                        "{\"id\":7,\"method\":\"up\",\"params\":{\"project\":\"demo\",\"services\":[\"web\",\"db\"]}}");
        assertThat(FrameCodec.decode(line)).isEqualTo(new Frame.Call(7, "up", params()));
    }

    @Test
    void everyFrameKindRoundTrips() {
        ObjectNode log = FrameCodec.object().put("line", "a\nb\u0000");
        Frame[] frames = {
            new Frame.Cancel(3),
            new Frame.Event(3, log),
            new Frame.Result(3, FrameCodec.object().put("ok", true)),
            new Frame.Failure(3, "no such service: wbe", "did you mean web?", 15),
            new Frame.Failure(4, "boom", null, 1),
        };
        for (Frame frame : frames) {
            String line = FrameCodec.encode(frame);
            assertThat(line).doesNotContain("\n");
            assertThat(FrameCodec.decode(line)).isEqualTo(frame);
        }
    }

    @Test
    void exactLinesForCancelAndError() {
        assertThat(FrameCodec.encode(new Frame.Cancel(9))).isEqualTo("{\"id\":9,\"cancel\":true}");
        assertThat(FrameCodec.encode(new Frame.Failure(9, "m", "h", 18)))
                .isEqualTo("{\"id\":9,\"error\":{\"message\":\"m\",\"hint\":\"h\",\"exitCode\":18}}");
        assertThat(FrameCodec.encode(new Frame.Failure(9, "m", null, 1)))
                .isEqualTo("{\"id\":9,\"error\":{\"message\":\"m\",\"exitCode\":1}}");
    }

    @Test
    void missingParamsDecodeAsAnEmptyObject() {
        assertThat(FrameCodec.decode("{\"id\":1,\"method\":\"ping\"}"))
                .isEqualTo(new Frame.Call(1, "ping", FrameCodec.object()));
    }

    @Test
    void malformedLinesAreRejectedWithWhatIsWrong() {
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":1,"))
                .isInstanceOf(JcomposeException.class)
                .hasMessageStartingWith("malformed engine protocol line: not JSON (");
        assertThatThrownBy(() -> FrameCodec.decode("[1]"))
                .hasMessage("malformed engine protocol line: not a JSON object: [1]");
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":\"1\",\"method\":\"up\"}"))
                .hasMessage("malformed engine protocol line: no integer \"id\": {\"id\":\"1\",\"method\":\"up\"}");
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":1.5,\"method\":\"up\"}"))
                .hasMessage("malformed engine protocol line: no integer \"id\": {\"id\":1.5,\"method\":\"up\"}");
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":1,\"method\":\"\"}"))
                .hasMessage(
                        "malformed engine protocol line: \"method\" is not a non-empty string: {\"id\":1,\"method\":\"\"}");
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":1,\"error\":{}}"))
                .hasMessage(
                        "malformed engine protocol line: \"error\" has no string \"message\": {\"id\":1,\"error\":{}}");
        assertThatThrownBy(() -> FrameCodec.decode("{\"id\":1}"))
                .hasMessage("malformed engine protocol line: none of method, cancel, event, result, error: {\"id\":1}");
    }
}
