package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    private static final String HEX = "4c5f2f1f5e1a4b7c9d0e3f2a1b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            redis                                   | docker.io/library/redis:latest         | redis:latest
            redis:7                                 | docker.io/library/redis:7              | redis:7
            library/redis                           | docker.io/library/redis:latest         | redis:latest
            docker.io/redis                         | docker.io/library/redis:latest         | redis:latest
            index.docker.io/redis:7-alpine          | docker.io/library/redis:7-alpine       | redis:7-alpine
            bitnami/redis:7.2                       | docker.io/bitnami/redis:7.2            | bitnami/redis:7.2
            docker.io/library/a/b                   | docker.io/library/a/b:latest           | library/a/b:latest
            localhost/app                           | localhost/app:latest                   | localhost/app:latest
            localhost:5000/a/b:tag                  | localhost:5000/a/b:tag                 | localhost:5000/a/b:tag
            127.0.0.1:5000/x                        | 127.0.0.1:5000/x:latest                | 127.0.0.1:5000/x:latest
            [::1]:5000/x:1                          | [::1]:5000/x:1                         | [::1]:5000/x:1
            ghcr.io/o/p/q:v1.2.3_rc-1               | ghcr.io/o/p/q:v1.2.3_rc-1              | ghcr.io/o/p/q:v1.2.3_rc-1
            foo_bar/a__b/c-d/e---f/g.h              | docker.io/foo_bar/a__b/c-d/e---f/g.h:latest | foo_bar/a__b/c-d/e---f/g.h:latest
            UPPER.example.com/app                   | UPPER.example.com/app:latest           | UPPER.example.com/app:latest
            Registry/app                            | Registry/app:latest                    | Registry/app:latest
            redis:LATEST                            | docker.io/library/redis:LATEST         | redis:LATEST
            """)
    void normalisesLikeDocker(String input, String canonical, String familiar) {
        ImageReference r = ImageReference.parse(input);
        assertThat(r.toString()).isEqualTo(canonical);
        assertThat(r.familiar()).isEqualTo(familiar);
        assertThat(ImageReference.parse(canonical)).isEqualTo(r);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            host:5000/x@sha256:HEX                  | host:5000 | x             | -      | sha256:HEX
            redis:7@sha256:HEX                      | docker.io | library/redis | 7      | sha256:HEX
            redis@sha256:HEX                        | docker.io | library/redis | -      | sha256:HEX
            """)
    void digestsPinContent(String input, String domain, String path, String tag, String digest) {
        ImageReference r = ImageReference.parse(input.replace("HEX", HEX));
        assertThat(r.domain()).isEqualTo(domain);
        assertThat(r.path()).isEqualTo(path);
        assertThat(r.tag()).isEqualTo(tag.equals("-") ? null : tag);
        assertThat(r.digest()).hasToString(digest.replace("HEX", HEX));
        assertThat(r.manifestReference()).isEqualTo(digest.replace("HEX", HEX));
        assertThat(r.toString()).isEqualTo(r.repository() + (r.tag() == null ? "" : ":" + r.tag()) + "@" + r.digest());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Redis              | repository name "library/Redis" must be lowercase              | write "library/redis"
            example.com/App    | repository name "App" must be lowercase                        | write "app"
            redis:             | invalid tag ""                                                 | a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'
            redis:-x           | invalid tag "-x"                                               | a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'
            :tag               | the repository name is empty                                   | name an image, e.g. "redis:7"
            a//b               | repository name "a//b" has an empty path component             | path components are lowercase letters and digits, separated by '.', '_', '__' or '-'
            a/b/               | repository name "a/b/" has an empty path component             | path components are lowercase letters and digits, separated by '.', '_', '__' or '-'
            -redis             | invalid repository path component "-redis"                     | path components are lowercase letters and digits, separated by '.', '_', '__' or '-'
            a/b_-c             | invalid repository path component "b_-c"                       | path components are lowercase letters and digits, separated by '.', '_', '__' or '-'
            my app             | invalid repository path component "my app"                     | path components are lowercase letters and digits, separated by '.', '_', '__' or '-'
            redis@sha256:abc   | invalid digest "sha256:abc"                                    | write the digest as sha256:<64 hex digits> after '@'
            localhost:abc/x    | invalid registry host "localhost:abc"                          | write the registry as host[:port], e.g. "localhost:5000/app"
            -bad.com/x         | invalid registry host "-bad.com"                               | write the registry as host[:port], e.g. "localhost:5000/app"
            ''                 | the reference is empty                                         | name an image, e.g. "redis:7"
            """)
    void rejectsWithTheFix(String input, String problem, String hint) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("invalid image reference \"" + input + "\": " + problem)
                .extracting(e -> ((InvalidReferenceException) e).hint())
                .isEqualTo(hint);
    }

    @org.junit.jupiter.api.Test
    void rejectsIdsLongTagsLongNamesAndUppercaseDigests() {
        assertThatThrownBy(() -> ImageReference.parse(HEX))
                .hasMessage(
                        "invalid image reference \"" + HEX + "\": a 64-digit hex string is an image ID, not a name");
        String longTag = "t".repeat(129);
        assertThatThrownBy(() -> ImageReference.parse("redis:" + longTag))
                .hasMessageContaining("invalid tag \"" + longTag + "\"");
        assertThat(ImageReference.parse("redis:" + "t".repeat(128)).tag()).hasSize(128);
        String longName = "example.com/" + "a".repeat(244);
        assertThatThrownBy(() -> ImageReference.parse(longName))
                .hasMessage("invalid image reference \"" + longName
                        + "\": the repository name is longer than 255 characters");
        assertThat(ImageReference.parse("example.com/" + "a".repeat(243)).repository())
                .hasSize(255);
        assertThatThrownBy(() -> ImageReference.parse("redis@sha256:" + HEX.toUpperCase()))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("the sha256 value must be 64 lowercase hex digits");
        assertThatThrownBy(() -> ImageReference.parse("redis@md5:" + HEX))
                .hasMessageContaining("unsupported digest algorithm \"md5\"");
    }
}
