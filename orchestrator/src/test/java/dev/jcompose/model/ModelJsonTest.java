package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    static String resource(String name) {
        try (InputStream in = ModelJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void richProjectRoundTripsByteForByte() {
        String json = resource("/model/rich.json");
        Project p = ModelJson.read(json);
        String out = ModelJson.write(p);
        if (!out.equals(json)) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/rich.out.json"), out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(out).isEqualTo(json);
    }
}
