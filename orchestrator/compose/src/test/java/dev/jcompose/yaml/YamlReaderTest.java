package dev.jcompose.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    private MapNode read(String yaml) {
        return (MapNode) reader.readOne(yaml, "compose.yaml").orElseThrow();
    }

    @Test
    void keepsLocationsOfKeysAndValues() {
        MapNode doc = read("services:\n  web:\n    image: nginx\n");
        MapNode web = (MapNode)
                ((MapNode) doc.get("services").orElseThrow()).get("web").orElseThrow();
        MapNode.Field image = web.field("image").orElseThrow();
        assertThat(image.keyLocation()).hasToString("compose.yaml:3:5");
        assertThat(image.value().location()).hasToString("compose.yaml:3:12");
    }

    @Test
    void resolvesScalarKindsWithTheYaml12CoreSchema() {
        MapNode doc = read("a: 1\nb: 1.5\nc: true\nd: ~\ne: \"1\"\nf: yes\ng: 0x1F\nh: 'true'\ni: null\nj: text\n");
        assertThat(kinds(doc))
                .containsExactly(
                        ScalarKind.INT,
                        ScalarKind.FLOAT,
                        ScalarKind.BOOL,
                        ScalarKind.NULL,
                        ScalarKind.STRING,
                        ScalarKind.STRING,
                        ScalarKind.INT,
                        ScalarKind.STRING,
                        ScalarKind.NULL,
                        ScalarKind.STRING);
    }

    private static List<ScalarKind> kinds(MapNode doc) {
        return doc.fields().stream().map(f -> ((ScalarNode) f.value()).kind()).toList();
    }

    @Test
    void nullScalarsHaveNoText() {
        MapNode doc = read("a:\n");
        assertThat(((ScalarNode) doc.get("a").orElseThrow()).text()).isNull();
        assertThat(((ScalarNode) doc.get("a").orElseThrow()).isNull()).isTrue();
    }

    @Test
    void expandsAnchorsAndAliases() {
        MapNode doc = read("x-base: &base\n  image: busybox\nservices:\n  a: *base\n");
        MapNode a =
                (MapNode) ((MapNode) doc.get("services").orElseThrow()).get("a").orElseThrow();
        assertThat(((ScalarNode) a.get("image").orElseThrow()).text()).isEqualTo("busybox");
    }

    @Test
    void mergeKeysLetExplicitKeysWin() {
        MapNode doc = read("x: &x\n  a: 1\n  b: 2\ny:\n  <<: *x\n  b: 3\n");
        MapNode y = (MapNode) doc.get("y").orElseThrow();
        assertThat(y.keys()).containsExactly("b", "a");
        assertThat(((ScalarNode) y.get("b").orElseThrow()).text()).isEqualTo("3");
        assertThat(((ScalarNode) y.get("a").orElseThrow()).text()).isEqualTo("1");
    }

    @Test
    void mergeKeyListGivesPriorityToTheFirstMapping() {
        MapNode doc = read("p: &p {a: 1}\nq: &q {a: 2, c: 3}\nr:\n  <<: [*p, *q]\n");
        MapNode r = (MapNode) doc.get("r").orElseThrow();
        assertThat(((ScalarNode) r.get("a").orElseThrow()).text()).isEqualTo("1");
        assertThat(((ScalarNode) r.get("c").orElseThrow()).text()).isEqualTo("3");
    }

    @Test
    void mergeKeyRejectsScalars() {
        assertThatThrownBy(() -> read("a:\n  <<: 1\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:3:1: invalid YAML: Expected mapping node or an anchor referencing mapping");
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() {
        MapNode doc = read("a:\n  '<<': 1\n");
        assertThat(((MapNode) doc.get("a").orElseThrow()).keys()).containsExactly("<<");
    }

    @Test
    void rejectsDuplicateKeysNamingBothPlaces() {
        assertThatThrownBy(() -> read("services:\n  web:\n    image: a\n    image: b\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:4:5: services.web.image: duplicate key, already defined at compose.yaml:3:5")
                .extracting(e -> ((ComposeFileException) e).hint())
                .isEqualTo("remove one of the two entries");
    }

    @Test
    void readsResetAndOverrideTags() {
        MapNode doc = read("a: !reset []\nb: !override\n  - 1\nc: !reset null\nd: !reset 5\n");
        assertThat(doc.get("a").orElseThrow().tag()).isEqualTo(Tag.RESET);
        assertThat(doc.get("b").orElseThrow().tag()).isEqualTo(Tag.OVERRIDE);
        assertThat(((ScalarNode) doc.get("c").orElseThrow()).kind()).isEqualTo(ScalarKind.NULL);
        assertThat(((ScalarNode) doc.get("d").orElseThrow()).kind()).isEqualTo(ScalarKind.INT);
    }

    @Test
    void rejectsUnknownTags() {
        assertThatThrownBy(() -> read("a: !custom x\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:1:4: a: unknown YAML tag !custom");
    }

    @Test
    void standardTagsAreAccepted() {
        MapNode doc = read("a: !!str 5\n");
        assertThat(((ScalarNode) doc.get("a").orElseThrow()).kind()).isEqualTo(ScalarKind.STRING);
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> read("services:\n  web:\n    image: [a\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith("compose.yaml:4:1: invalid YAML: ")
                .satisfies(
                        e -> assertThat(((ComposeFileException) e).exitCode()).isEqualTo(15));
    }

    @Test
    void rejectsTabIndentation() {
        assertThatThrownBy(() -> read("services:\n\tweb: {}\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith("compose.yaml:2:1: invalid YAML: ");
    }

    @Test
    void readsSeveralDocuments() {
        List<Node> docs = reader.readAll("a: 1\n---\nb: 2\n", "f.yaml");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(1).location()).hasToString("f.yaml:3:1");
    }

    @Test
    void emptyTextHasNoDocument() {
        assertThat(reader.readAll("", "f.yaml")).isEmpty();
        assertThat(reader.readOne("# only a comment\n", "f.yaml")).isEmpty();
    }

    @Test
    void limitsAliasExpansion() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> read(bomb.toString()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageEndingWith("the document expands to more than 500000 nodes through aliases");
    }

    @Test
    void rejectsNonScalarKeys() {
        assertThatThrownBy(() -> read("? [a, b]\n: 1\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:1:3: mapping keys must be scalars");
    }

    @Test
    void pathsRenderLikeUsersReadThem() {
        assertThat(YamlPath.of("services", "web").key("ports").index(0)).hasToString("services.web.ports[0]");
        assertThat(YamlPath.of("labels", "com.example.a")).hasToString("labels[\"com.example.a\"]");
        assertThat(YamlPath.ROOT).hasToString("(root)");
        assertThat(YamlPath.of("a", "b").parent()).isEqualTo(YamlPath.of("a"));
        assertThat(YamlPath.of("a", "b").lastKey()).isEqualTo("b");
    }
}
