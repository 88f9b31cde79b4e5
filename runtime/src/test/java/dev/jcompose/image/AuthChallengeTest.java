package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    private static AuthChallenge challenge(String scheme, String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new AuthChallenge(scheme, new TreeMap<>(m));
    }

    @Test
    void parsesDockerHubBearer() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/redis:pull,push\""))
                .containsExactly(challenge(
                        "bearer",
                        "realm",
                        "https://auth.docker.io/token",
                        "service",
                        "registry.docker.io",
                        "scope",
                        "repository:library/redis:pull,push"));
    }

    @Test
    void parsesBasicTokensEscapesAndSeveralChallenges() {
        assertThat(AuthChallenge.parse("Basic realm=\"Registry \\\"Realm\\\"\""))
                .containsExactly(challenge("basic", "realm", "Registry \"Realm\""));
        assertThat(AuthChallenge.parse("Basic realm=x, Bearer realm=\"https://a/t\", error=\"insufficient_scope\""))
                .containsExactly(
                        challenge("basic", "realm", "x"),
                        challenge("bearer", "realm", "https://a/t", "error", "insufficient_scope"));
        assertThat(AuthChallenge.parse("BEARER  Realm = \"r\" ,  SERVICE=s"))
                .containsExactly(challenge("bearer", "realm", "r", "service", "s"));
        assertThat(AuthChallenge.parse("Negotiate")).containsExactly(challenge("negotiate"));
    }

    @Test
    void toleratesGarbage() {
        assertThat(AuthChallenge.parse("")).isEmpty();
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse(", ,")).isEmpty();
        assertThat(AuthChallenge.parse("Bearer realm=\"unterminated"))
                .containsExactly(challenge("bearer", "realm", "unterminated"));
        assertThat(AuthChallenge.parse("Bearer realm=\"r\"").getFirst().param("service"))
                .isEmpty();
        assertThat(List.of(AuthChallenge.parse("Bearer =x"))).hasSize(1);
    }
}
