package dev.jcompose.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.TreeText;
import dev.jcompose.yaml.YamlReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MergerTest {
    private final Merger merger = new Merger();

    static MapNode yaml(String text, String file) {
        return (MapNode) new YamlReader().readOne(text, file).orElseThrow();
    }

    private MapNode mergeTrees(String base, String override) {
        return merger.merge(yaml(base, "base.yaml"), yaml(override, "over.yaml"));
    }

    /** Merges two service bodies of service "web" and renders the merged body. */
    private String web(String base, String override) {
        MapNode merged = mergeTrees("services: {web: " + base + "}", "services: {web: " + override + "}");
        return TreeText.render(at(merged, "services", "web"));
    }

    static Node at(Node node, String... keys) {
        Node n = node;
        for (String k : keys) {
            n = ((MapNode) n).get(k).orElseThrow(() -> new AssertionError("no key " + k));
        }
        return n;
    }

    @Nested
    class Mappings {
        @Test
        void mergesRecursivelyAddingMissingKeys() {
            MapNode merged = mergeTrees("""
                    services:
                      foo:
                        key1: value1
                        key2: value2
                    """, """
                    services:
                      foo:
                        key2: VALUE
                        key3: value3
                    """);
            assertThat(TreeText.render(merged))
                    .isEqualTo("{services: {foo: {key1: \"value1\", key2: \"VALUE\", key3: \"value3\"}}}");
        }

        @Test
        void addsNewServicesAndTopLevelSections() {
            MapNode merged = mergeTrees("services: {a: {image: x}}", "services: {b: {image: y}}\nvolumes: {data: {}}");
            assertThat(TreeText.render(merged))
                    .isEqualTo("{services: {a: {image: \"x\"}, b: {image: \"y\"}}, volumes: {data: {}}}");
        }

        @Test
        void scalarsLastWins() {
            assertThat(web("{image: a, restart: always}", "{image: b}"))
                    .isEqualTo("{image: \"b\", restart: \"always\"}");
        }

        @Test
        void nullOverrideKeepsTheBase() {
            assertThat(web("{image: a}", "{image: null}")).isEqualTo("{image: \"a\"}");
        }

        @Test
        void nullBaseTakesTheOverride() {
            assertThat(web("{networks: null}", "{networks: [front]}")).isEqualTo("{networks: [\"front\"]}");
        }

        @Test
        void extensionKeysMergeLikeAnyMapping() {
            MapNode merged = mergeTrees("x-common: {a: 1, b: 2}", "x-common: {b: 3}");
            assertThat(TreeText.render(merged)).isEqualTo("{x-common: {a: 1, b: 3}}");
        }

        @Test
        void mismatchedShapesAreAnErrorWithBothLocations() {
            assertThatThrownBy(() -> mergeTrees("""
                    services:
                      web:
                        healthcheck: {interval: 5s}
                    """, """
                    services:
                      web:
                        healthcheck: [CMD, true]
                    """))
                    .isInstanceOf(ComposeFileException.class)
                    .hasMessage("over.yaml:3:18: services.web.healthcheck: cannot override a mapping"
                            + " (defined at base.yaml:3:18) with a sequence");
        }
    }

    @Nested
    class ReplacedSequences {
        @Test
        void commandIsReplaced() {
            assertThat(web("{command: [echo, foo]}", "{command: [echo, bar]}"))
                    .isEqualTo("{command: [\"echo\", \"bar\"]}");
        }

        @Test
        void commandStringReplacesList() {
            assertThat(web("{command: [echo, foo]}", "{command: echo bar}")).isEqualTo("{command: \"echo bar\"}");
        }

        @Test
        void entrypointIsReplaced() {
            assertThat(web("{entrypoint: [/a, b]}", "{entrypoint: [/c]}")).isEqualTo("{entrypoint: [\"/c\"]}");
        }

        @Test
        void commandNullOverrideClears() {
            assertThat(web("{command: [a]}", "{command: null}")).isEqualTo("{command: null}");
        }

        @Test
        void healthcheckTestIsReplacedOtherKeysMerge() {
            assertThat(web("{healthcheck: {test: [CMD, a], interval: 5s}}", "{healthcheck: {test: [CMD, b]}}"))
                    .isEqualTo("{healthcheck: {test: [\"CMD\", \"b\"], interval: \"5s\"}}");
        }
    }

    @Nested
    class KeyedSequences {
        @Test
        void plainSequencesAppend() {
            assertThat(web("{dns: [1.1.1.1]}", "{dns: [8.8.8.8]}")).isEqualTo("{dns: [\"1.1.1.1\", \"8.8.8.8\"]}");
        }

        @Test
        void dnsStringsBecomeLists() {
            assertThat(web("{dns: 1.1.1.1}", "{dns: 8.8.8.8}")).isEqualTo("{dns: [\"1.1.1.1\", \"8.8.8.8\"]}");
        }

        @Test
        void dnsSearchAndOptionsAreDeduplicated() {
            assertThat(web("{dns_search: [a.com, b.com], dns_opt: [use-vc]}", "{dns_search: [a.com], dns_opt: use-vc}"))
                    .isEqualTo("{dns_search: [\"a.com\", \"b.com\"], dns_opt: [\"use-vc\"]}");
        }

        @Test
        void portsShortSyntaxMergeByKey() {
            assertThat(web("{ports: [\"8080:80\", \"443\"]}", "{ports: [\"8080:80\", \"9090:90\"]}"))
                    .isEqualTo("{ports: [\"8080:80\", \"443\", \"9090:90\"]}");
        }

        @Test
        void portsLongSyntaxReplacesShortOfSameKey() {
            assertThat(web(
                            "{ports: [\"8080:80\", \"443\"]}",
                            "{ports: [{target: 80, published: 8080, protocol: tcp, mode: host}]}"))
                    .isEqualTo("{ports: [{target: 80, published: 8080, protocol: \"tcp\", mode: \"host\"}, \"443\"]}");
        }

        @Test
        void portsDifferingInHostIpOrProtocolAreDistinct() {
            assertThat(web("{ports: [\"8080:80\"]}", "{ports: [\"127.0.0.1:8080:80\", \"8080:80/udp\"]}"))
                    .isEqualTo("{ports: [\"8080:80\", \"127.0.0.1:8080:80\", \"8080:80/udp\"]}");
        }

        @Test
        void portsExplicitDefaultsEqualImplicitOnes() {
            assertThat(web("{ports: [\"0.0.0.0:8080:80/tcp\", 443]}", "{ports: [\"8080:80\", {target: 443}]}"))
                    .isEqualTo("{ports: [\"8080:80\", {target: 443}]}");
        }

        @Test
        void portsBracketedIpv6MatchesLongSyntax() {
            assertThat(web(
                            "{ports: [\"[::1]:8080:80\"]}",
                            "{ports: [{host_ip: \"::1\", published: \"8080\", target: 80}]}"))
                    .isEqualTo("{ports: [{host_ip: \"::1\", published: \"8080\", target: 80}]}");
        }

        @Test
        void exposeMergesByValueWhateverItsType() {
            assertThat(web("{expose: [\"3000\", 4000]}", "{expose: [3000, \"5000\"]}"))
                    .isEqualTo("{expose: [3000, 4000, \"5000\"]}");
        }

        @Test
        void volumesMergeByTarget() {
            assertThat(web(
                            "{volumes: [\"./data:/data\", \"logs:/var/log\"]}",
                            "{volumes: [\"/srv/data:/data:ro\", {type: volume, source: cache, target: /cache}]}"))
                    .isEqualTo("{volumes: [\"/srv/data:/data:ro\", \"logs:/var/log\","
                            + " {type: \"volume\", source: \"cache\", target: \"/cache\"}]}");
        }

        @Test
        void volumesLongSyntaxReplacesShort() {
            assertThat(web(
                            "{volumes: [\"logs:/var/log\", /tmp/anon]}",
                            "{volumes: [{type: bind, source: ./logs, target: /var/log}, \"/x:/tmp/anon\"]}"))
                    .isEqualTo("{volumes: [{type: \"bind\", source: \"./logs\", target: \"/var/log\"},"
                            + " \"/x:/tmp/anon\"]}");
        }

        @Test
        void volumesFromAndSecurityOptAreDeduplicated() {
            assertThat(web(
                            "{volumes_from: [a], security_opt: [\"label:disable\"]}",
                            "{volumes_from: [a, b], security_opt: [\"label:disable\", no-new-privileges]}"))
                    .isEqualTo(
                            "{volumes_from: [\"a\", \"b\"], security_opt: [\"label:disable\", \"no-new-privileges\"]}");
        }

        @Test
        void secretsMergeByTarget() {
            assertThat(
                            web(
                                    "{secrets: [db_password, api]}",
                                    "{secrets: [{source: db_password, target: /run/secrets/db_password, mode: 0400}, {source: x, target: api}]}"))
                    .isEqualTo("{secrets: [{source: \"db_password\", target: \"/run/secrets/db_password\", mode: 0400},"
                            + " {source: \"x\", target: \"api\"}]}");
        }

        @Test
        void configsMergeByTargetDefaultingToRoot() {
            assertThat(web("{configs: [app_config, other]}", "{configs: [{source: v2, target: /app_config}]}"))
                    .isEqualTo("{configs: [{source: \"v2\", target: \"/app_config\"}, \"other\"]}");
        }

        @Test
        void devicesMergeByContainerPath() {
            assertThat(web("{devices: [\"/dev/a:/dev/xvda\", /dev/fuse]}", "{devices: [\"/dev/b:/dev/xvda:r\"]}"))
                    .isEqualTo("{devices: [\"/dev/b:/dev/xvda:r\", \"/dev/fuse\"]}");
        }

        @Test
        void capabilitiesAndTmpfsAreDeduplicated() {
            assertThat(web(
                            "{cap_add: [NET_ADMIN], cap_drop: [ALL], tmpfs: /run}",
                            "{cap_add: [NET_ADMIN, SYS_TIME], cap_drop: [ALL], tmpfs: [/run, /tmp]}"))
                    .isEqualTo(
                            "{cap_add: [\"NET_ADMIN\", \"SYS_TIME\"], cap_drop: [\"ALL\"], tmpfs: [\"/run\", \"/tmp\"]}");
        }

        @Test
        void externalLinksAndEnvFilesAreDeduplicated() {
            assertThat(web(
                            "{external_links: [redis], env_file: .env}",
                            "{external_links: [redis, db], env_file: [.env, {path: local.env, required: false}]}"))
                    .isEqualTo("{external_links: [\"redis\", \"db\"], env_file: [\".env\","
                            + " {path: \"local.env\", required: false}]}");
        }

        @Test
        void duplicatesInOneDocumentKeepTheLastInPlaceOfTheFirst() {
            MapNode single = merger.single(yaml(
                    "services: {web: {environment: [A=1, B=2, A=3], ports: [\"80:80\", \"81:81\", \"80:80/tcp\"]}}",
                    "one.yaml"));
            assertThat(TreeText.render(single))
                    .isEqualTo(
                            "{services: {web: {environment: [\"A=3\", \"B=2\"], ports: [\"80:80/tcp\", \"81:81\"]}}}");
        }
    }

    @Nested
    class KeyValueForms {
        @Test
        void labelsListAndMappingMergeByKey() {
            assertThat(web("{labels: [a=1, b=2]}", "{labels: {b: \"3\", c: \"4\"}}"))
                    .isEqualTo("{labels: {a: \"1\", b: \"3\", c: \"4\"}}");
        }

        @Test
        void environmentMappingAndListMergeByKey() {
            assertThat(web("{environment: {A: 1, B: 2}}", "{environment: [B=3, C]}"))
                    .isEqualTo("{environment: {A: 1, B: \"3\", C: null}}");
        }

        @Test
        void environmentListsStayLists() {
            assertThat(web("{environment: [A=1, B=2]}", "{environment: [B=3]}"))
                    .isEqualTo("{environment: [\"A=1\", \"B=3\"]}");
        }

        @Test
        void environmentValueKeepsEqualsSigns() {
            assertThat(web("{environment: {URL: x}}", "{environment: [\"URL=a=b\"]}"))
                    .isEqualTo("{environment: {URL: \"a=b\"}}");
        }

        @Test
        void nullEntryReplacesTheValue() {
            assertThat(web("{environment: {A: x}}", "{environment: {A: null}}")).isEqualTo("{environment: {A: null}}");
        }

        @Test
        void sysctlsAndAnnotationsMergeByKey() {
            assertThat(web(
                            "{sysctls: [net.core.somaxconn=1024], annotations: {a: x}}",
                            "{sysctls: {net.core.somaxconn: 2048, net.ipv4.tcp_syncookies: 0}, annotations: [a=y]}"))
                    .isEqualTo("{sysctls: {net.core.somaxconn: 2048, net.ipv4.tcp_syncookies: 0},"
                            + " annotations: {a: \"y\"}}");
        }

        @Test
        void buildArgsMergeByKey() {
            assertThat(web("{build: {context: ., args: [A=1, B=2]}}", "{build: {args: {B: 3}}}"))
                    .isEqualTo("{build: {context: \".\", args: {A: \"1\", B: 3}}}");
        }

        @Test
        void topLevelLabelsMergeByKey() {
            MapNode merged = mergeTrees(
                    "networks: {n: {labels: [a=1]}}\nvolumes: {v: {labels: {x: 1}}}",
                    "networks: {n: {labels: {a: 2}}}\nvolumes: {v: {labels: [y=2]}}");
            assertThat(TreeText.render(merged))
                    .isEqualTo("{networks: {n: {labels: {a: 2}}}, volumes: {v: {labels: {x: 1, y: \"2\"}}}}");
        }

        @Test
        void nonScalarListEntryIsAnError() {
            assertThatThrownBy(() -> web("{environment: {A: 1}}", "{environment: [{B: 2}]}"))
                    .isInstanceOf(ComposeFileException.class)
                    .hasMessage("over.yaml:1:32: services.web.environment[0]: expected KEY=VALUE, not a mapping");
        }
    }

    @Nested
    class NamesAndMappings {
        @Test
        void dependsOnListMergesWithMapping() {
            assertThat(web("{depends_on: [db]}", "{depends_on: {cache: {condition: service_healthy}}}"))
                    .isEqualTo("{depends_on: {db: null, cache: {condition: \"service_healthy\"}}}");
        }

        @Test
        void dependsOnMappingKeepsOptionsWhenListNamesItAgain() {
            assertThat(web("{depends_on: {db: {condition: service_healthy}}}", "{depends_on: [db, cache]}"))
                    .isEqualTo("{depends_on: {db: {condition: \"service_healthy\"}, cache: null}}");
        }

        @Test
        void dependsOnListsAreDeduplicated() {
            assertThat(web("{depends_on: [db]}", "{depends_on: [db, cache]}"))
                    .isEqualTo("{depends_on: [\"db\", \"cache\"]}");
        }

        @Test
        void networksListMergesWithMapping() {
            assertThat(web("{networks: [front]}", "{networks: {back: {aliases: [b]}}}"))
                    .isEqualTo("{networks: {front: null, back: {aliases: [\"b\"]}}}");
        }

        @Test
        void networkAliasesAreDeduplicated() {
            assertThat(web("{networks: {front: {aliases: [a]}}}", "{networks: {front: {aliases: [a, b]}}}"))
                    .isEqualTo("{networks: {front: {aliases: [\"a\", \"b\"]}}}");
        }

        @Test
        void nullNetworksOverrideKeepsTheBase() {
            assertThat(web("{networks: [front]}", "{networks: null}")).isEqualTo("{networks: [\"front\"]}");
        }
    }

    @Nested
    class SpecialMappings {
        @Test
        void ulimitsMergePerLimit() {
            assertThat(web(
                            "{ulimits: {nofile: {soft: 20000, hard: 40000}, nproc: 65535, locks: {soft: 1, hard: 2}}}",
                            "{ulimits: {nofile: {soft: 10000}, nproc: {soft: 100}, locks: 500}}"))
                    .isEqualTo("{ulimits: {nofile: {soft: 10000, hard: 40000}, nproc: {soft: 100}, locks: 500}}");
        }

        @Test
        void buildStringMergesWithMapping() {
            assertThat(web("{build: ./app}", "{build: {dockerfile: Dockerfile.dev}}"))
                    .isEqualTo("{build: {context: \"./app\", dockerfile: \"Dockerfile.dev\"}}");
        }

        @Test
        void buildMappingTakesStringAsContext() {
            assertThat(web("{build: {context: ., target: dev}}", "{build: ./other}"))
                    .isEqualTo("{build: {context: \"./other\", target: \"dev\"}}");
        }

        @Test
        void loggingOptionsMergeForTheSameDriver() {
            assertThat(web(
                            "{logging: {driver: json-file, options: {max-size: 1m}}}",
                            "{logging: {driver: json-file, options: {max-file: \"3\"}}}"))
                    .isEqualTo("{logging: {driver: \"json-file\", options: {max-size: \"1m\", max-file: \"3\"}}}");
        }

        @Test
        void loggingIsReplacedForAnotherDriver() {
            assertThat(web(
                            "{logging: {driver: json-file, options: {max-size: 1m}}}",
                            "{logging: {driver: syslog, options: {tag: x}}}"))
                    .isEqualTo("{logging: {driver: \"syslog\", options: {tag: \"x\"}}}");
        }

        @Test
        void loggingWithoutDriverMerges() {
            assertThat(web("{logging: {driver: local}}", "{logging: {options: {max-size: 1m}}}"))
                    .isEqualTo("{logging: {driver: \"local\", options: {max-size: \"1m\"}}}");
        }

        @Test
        void extraHostsAreUnionedAcrossForms() {
            assertThat(web(
                            "{extra_hosts: [\"a=1.1.1.1\", \"c:3.3.3.3\"]}",
                            "{extra_hosts: {a: 1.1.1.1, b: [2.2.2.2, 2.2.2.3], c: 3.3.3.3}}"))
                    .isEqualTo("{extra_hosts: [\"a=1.1.1.1\", \"c:3.3.3.3\", \"b=2.2.2.2\", \"b=2.2.2.3\"]}");
        }

        @Test
        void ipamConfigMergesBySubnet() {
            MapNode merged = mergeTrees(
                    "networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}]}}}",
                    "networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.254}, {subnet: 10.1.0.0/24}]}}}");
            assertThat(TreeText.render(merged))
                    .isEqualTo("{networks: {n: {ipam: {config: ["
                            + "{subnet: \"10.0.0.0/24\", gateway: \"10.0.0.254\"}, {subnet: \"10.1.0.0/24\"}]}}}}");
        }
    }

    @Nested
    class Tags {
        @Test
        void resetRemovesTheKey() {
            MapNode merged = mergeTrees("""
                    services:
                      app:
                        image: myapp
                        ports:
                          - "8080:80"
                        environment:
                          FOO: BAR
                          KEEP: x
                    """, """
                    services:
                      app:
                        image: myapp
                        ports: !reset []
                        environment:
                          FOO: !reset null
                    """);
            assertThat(TreeText.render(merged))
                    .isEqualTo("{services: {app: {image: \"myapp\", environment: {KEEP: \"x\"}}}}");
        }

        @Test
        void resetOfEnvironmentListEntry() {
            assertThat(web("{environment: [FOO=1, BAR=2]}", "{environment: {FOO: !reset null}}"))
                    .isEqualTo("{environment: {BAR: \"2\"}}");
        }

        @Test
        void resetOfAbsentKeyLeavesNothing() {
            assertThat(web("{image: a}", "{command: !reset null}")).isEqualTo("{image: \"a\"}");
        }

        @Test
        void resetRemovesAWholeService() {
            MapNode merged = mergeTrees("services: {a: {image: x}, b: {image: y}}", "services: {b: !reset {}}");
            assertThat(TreeText.render(merged)).isEqualTo("{services: {a: {image: \"x\"}}}");
        }

        @Test
        void overrideReplacesInsteadOfMerging() {
            assertThat(web("{image: myapp, ports: [\"8080:80\"]}", "{ports: !override [\"8443:443\"]}"))
                    .isEqualTo("{image: \"myapp\", ports: [\"8443:443\"]}");
        }

        @Test
        void overrideReplacesAMapping() {
            assertThat(web("{environment: {A: 1, B: 2}}", "{environment: !override {C: 3}}"))
                    .isEqualTo("{environment: {C: 3}}");
        }

        @Test
        void tagsAreDroppedFromNewKeysAndNestedResetsRemoved() {
            assertThat(web("{image: a}", "{environment: !override {A: 1, B: !reset x}, labels: {l: !reset 1, m: 2}}"))
                    .isEqualTo("{image: \"a\", environment: {A: 1}, labels: {m: 2}}");
        }

        @Test
        void singleDocumentLosesItsResets() {
            MapNode single = merger.single(
                    yaml("services: {web: {image: a, ports: !reset [], dns: [!reset x, y]}}", "one.yaml"));
            assertThat(TreeText.render(single)).isEqualTo("{services: {web: {image: \"a\", dns: [\"y\"]}}}");
        }

        @Test
        void extendKeepsTheExtendingServiceTags() {
            MapNode base = (MapNode)
                    at(yaml("services: {b: {image: x, ports: [\"80:80\"], dns: [a]}}", "b.yaml"), "services", "b");
            MapNode svc = (MapNode)
                    at(yaml("services: {web: {ports: !reset [], dns: !override [b]}}", "w.yaml"), "services", "web");
            MapNode extended = merger.extend(base, svc, "web");
            assertThat(TreeText.render(extended)).isEqualTo("{image: \"x\", ports: !reset [], dns: !override [\"b\"]}");
            MapNode earlier = yaml("services: {web: {ports: [\"81:81\"], dns: [c], user: u}}", "earlier.yaml");
            MapNode later = yaml("services: {}", "later.yaml")
                    .with("services", yaml("web: {}", "later.yaml").with("web", extended));
            assertThat(TreeText.render(merger.merge(earlier, later)))
                    .isEqualTo("{services: {web: {dns: [\"b\"], user: \"u\", image: \"x\"}}}");
        }
    }

    @Nested
    class Locations {
        @Test
        void replacedScalarKeepsTheOverrideLocationMergedMappingTheBase() {
            MapNode merged = mergeTrees("""
                    services:
                      web:
                        image: a
                        user: u
                    """, """
                    services:
                      web:
                        image: b
                    """);
            assertThat(at(merged, "services", "web", "image").location().toString())
                    .isEqualTo("over.yaml:3:12");
            assertThat(at(merged, "services", "web", "user").location().toString())
                    .isEqualTo("base.yaml:4:11");
            assertThat(at(merged, "services", "web").location().toString()).isEqualTo("base.yaml:3:5");
            assertThat(((MapNode) at(merged, "services", "web"))
                            .field("image")
                            .orElseThrow()
                            .keyLocation()
                            .toString())
                    .isEqualTo("base.yaml:3:5");
        }

        @Test
        void appendedEntriesKeepTheirOwnLocations() {
            MapNode merged = mergeTrees("services:\n  web:\n    dns: [a]\n", "services:\n  web:\n    dns: [b]\n");
            var dns = (dev.jcompose.yaml.SeqNode) at(merged, "services", "web", "dns");
            assertThat(dns.get(0).location().toString()).isEqualTo("base.yaml:3:11");
            assertThat(dns.get(1).location().toString()).isEqualTo("over.yaml:3:11");
        }

        @Test
        void convertedListEntriesKeepTheirItemLocations() {
            MapNode merged = mergeTrees(
                    "services:\n  web:\n    environment: {A: 1}\n",
                    "services:\n  web:\n    environment:\n      - B=2\n");
            assertThat(at(merged, "services", "web", "environment", "B")
                            .location()
                            .toString())
                    .isEqualTo("over.yaml:4:9");
        }
    }
}
