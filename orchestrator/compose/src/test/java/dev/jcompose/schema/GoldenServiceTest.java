package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One service using most fields at once: the canonical key order is compose-go's struct order. */
class GoldenServiceTest {
    @Test
    void fullServiceInCanonicalOrder() {
        String yaml = """
                name: ignored
                services:
                  app:
                    x-team: core
                    working_dir: /app
                    volumes: ["./src:/app/src:ro", "cache:/cache"]
                    user: "1000"
                    ulimits: {nofile: 4096}
                    tty: true
                    stop_grace_period: 30s
                    restart: unless-stopped
                    ports: ["8080:80"]
                    networks: {front: {aliases: [app]}}
                    mem_limit: 1g
                    labels: {tier: web}
                    init: true
                    image: example/app:1.0
                    healthcheck: {test: wget -q -O- http://localhost, interval: 30s}
                    hostname: app
                    extra_hosts: ["gw:10.0.0.1"]
                    expose: [9000]
                    environment: [MODE=prod]
                    entrypoint: [/init]
                    depends_on: {db: {condition: service_healthy}}
                    deploy: {replicas: 1}
                    command: serve --port 80
                    cap_add: [NET_BIND_SERVICE]
                    profiles: [web]
                  db:
                    image: postgres:16
                    volumes: [{type: volume, source: pg, target: /var/lib/postgresql/data}]
                networks:
                  front: {}
                volumes:
                  cache: {}
                  pg: {external: true}
                x-note: kept
                """;
        Fixture fx = new Fixture();
        assertThat(fx.json(yaml))
                .isEqualTo("{\"name\":\"proj\",\"services\":{"
                        + "\"app\":{\"profiles\":[\"web\"],\"cap_add\":[\"NET_BIND_SERVICE\"],\"command\":[\"serve\",\"--port\",\"80\"],"
                        + "\"depends_on\":{\"db\":{\"condition\":\"service_healthy\",\"required\":true}},"
                        + "\"deploy\":{\"replicas\":1,\"resources\":{},\"placement\":{}},\"entrypoint\":[\"/init\"],"
                        + "\"environment\":{\"MODE\":\"prod\"},\"expose\":[\"9000\"],\"extra_hosts\":[\"gw=10.0.0.1\"],"
                        + "\"hostname\":\"app\",\"healthcheck\":{\"test\":[\"CMD-SHELL\",\"wget -q -O- http://localhost\"],\"interval\":\"30s\"},"
                        + "\"image\":\"example/app:1.0\",\"init\":true,\"labels\":{\"tier\":\"web\"},\"mem_limit\":\"1073741824\","
                        + "\"networks\":{\"front\":{\"aliases\":[\"app\"]}},"
                        + "\"ports\":[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"}],"
                        + "\"restart\":\"unless-stopped\",\"stop_grace_period\":\"30s\",\"tty\":true,\"ulimits\":{\"nofile\":4096},"
                        + "\"user\":\"1000\",\"volumes\":[{\"type\":\"bind\",\"source\":\"/work/proj/src\",\"target\":\"/app/src\","
                        + "\"read_only\":true,\"bind\":{\"create_host_path\":true}},{\"type\":\"volume\",\"source\":\"cache\","
                        + "\"target\":\"/cache\",\"volume\":{}}],\"working_dir\":\"/app\",\"x-team\":\"core\"},"
                        + "\"db\":{\"command\":null,\"entrypoint\":null,\"image\":\"postgres:16\",\"networks\":{\"default\":null},"
                        + "\"volumes\":[{\"type\":\"volume\",\"source\":\"pg\",\"target\":\"/var/lib/postgresql/data\"}]}},"
                        + "\"networks\":{\"default\":{\"name\":\"proj_default\",\"ipam\":{}},\"front\":{\"name\":\"proj_front\",\"ipam\":{}}},"
                        + "\"volumes\":{\"cache\":{\"name\":\"proj_cache\"},\"pg\":{\"name\":\"pg\",\"external\":true}},"
                        + "\"x-note\":\"kept\"}");
        assertThat(fx.warnings).isEmpty();
    }
}
