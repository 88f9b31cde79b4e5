package dev.jcompose.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageChangesTest {
    @Test
    void execAndShellFormsEnvWorkdirUser() {
        ImageChanges c = ImageChanges.parse(List.of(
                "CMD [\"sh\"]",
                "ENTRYPOINT /bin/init --x",
                "ENV A=1",
                "ENV B two words",
                "env A=3",
                "WORKDIR /srv",
                "USER nobody"));
        assertThat(c)
                .isEqualTo(new ImageChanges(
                        List.of("/bin/sh", "-c", "/bin/init --x"),
                        List.of("sh"),
                        List.of("B=two words", "A=3"),
                        "/srv",
                        "nobody"));
    }

    @Test
    void rejectsWhatItCannotApply() {
        assertThatThrownBy(() -> ImageChanges.parse(List.of("EXPOSE 80")))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("invalid --change \"EXPOSE 80\"");
        assertThatThrownBy(() -> ImageChanges.parse(List.of("CMD [\"sh\"")))
                .hasMessage("invalid --change \"CMD [\"sh\"\"");
        assertThatThrownBy(() -> ImageChanges.parse(List.of("CMD"))).hasMessage("invalid --change \"CMD\"");
    }

    @Test
    void configIsDeterministic() {
        Digest diff = Digest.sha256(new byte[0]);
        String json = RootfsImport.config(
                        ImageChanges.parse(List.of("CMD [\"sh\"]", "ENV A=1")), Platform.parse("linux/amd64"), diff)
                .toString();
        assertThat(json)
                .isEqualTo("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\"],"
                        + "\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diff
                        + "\"]},\"history\":[{\"created_by\":\"jcompose image import\"}]}");
    }
}
