package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {
    @TempDir
    Path dir;

    private DockerCredentials config(String json) throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, json);
        return new DockerCredentials(f);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes());
    }

    @Test
    void readsBase64AuthAndUsernamePassword() throws Exception {
        DockerCredentials c = config("""
                {"auths":{
                  "https://index.docker.io/v1/":{"auth":"%s"},
                  "localhost:5000":{"username":"bob","password":"pw2"},
                  "https://registry.example.com/v2/":{"auth":"%s"},
                  "empty.example.com":{}},
                 "credsStore":"desktop"}
                """.formatted(b64("alice:s3cr:et"), b64("carol:pw3")));
        assertThat(c.lookup("docker.io")).contains(new Credentials("alice", "s3cr:et"));
        assertThat(c.lookup("localhost:5000")).contains(new Credentials("bob", "pw2"));
        assertThat(c.lookup("registry.example.com")).contains(new Credentials("carol", "pw3"));
        assertThat(c.lookup("localhost:5001")).isEmpty();
        assertThatThrownBy(() -> c.lookup("empty.example.com"))
                .hasMessage("invalid credentials for \"empty.example.com\" in " + dir.resolve("config.json")
                        + ": the entry has neither \"auth\" nor \"username\"/\"password\"");
    }

    @Test
    void rejectsBrokenAuth() throws Exception {
        assertThatThrownBy(
                        () -> config("{\"auths\":{\"h\":{\"auth\":\"***\"}}}").lookup("h"))
                .hasMessageEndingWith(": \"auth\" is not base64")
                .isInstanceOf(ImageException.class);
        assertThatThrownBy(() -> config("{\"auths\":{\"h\":{\"auth\":\"" + b64("nocolon") + "\"}}}")
                        .lookup("h"))
                .hasMessageEndingWith(": \"auth\" does not decode to user:password");
    }

    @Test
    void missingFileMeansNoCredentialsAndPathsFollowDockerConfig() {
        assertThat(new DockerCredentials(dir.resolve("nope.json")).lookup("docker.io"))
                .isEmpty();
        assertThat(DockerCredentials.defaultConfigFile(Map.of("DOCKER_CONFIG", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/x/config.json"));
        assertThat(DockerCredentials.defaultConfigFile(Map.of("HOME", "/h")))
                .isEqualTo(Path.of("/h/.docker/config.json"));
        assertThat(new Credentials("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void endpointsUseMirrorsThenPlainHttpOnlyForLoopbackAndInsecure() {
        RegistryConfig c = RegistryConfig.defaults(Map.of("HOME", "/h"))
                .withMirror("docker.io", java.net.URI.create("http://127.0.0.1:5555"))
                .withInsecure("registry.lan:5000");
        assertThat(c.endpoints("docker.io"))
                .extracting(Object::toString)
                .containsExactly("http://127.0.0.1:5555", "https://registry-1.docker.io");
        assertThat(c.endpoints("localhost:5000")).extracting(Object::toString).containsExactly("http://localhost:5000");
        assertThat(c.endpoints("127.0.0.1:5000")).extracting(Object::toString).containsExactly("http://127.0.0.1:5000");
        assertThat(c.endpoints("registry.lan:5000"))
                .extracting(Object::toString)
                .containsExactly("http://registry.lan:5000");
        assertThat(c.endpoints("ghcr.io")).extracting(Object::toString).containsExactly("https://ghcr.io");
    }
}
