/**
 * The normaliser: the loader's last stage, from the merged project tree (after interpolation,
 * merge, extends and profiles) to the <em>canonical tree</em>, a {@link dev.jcompose.yaml.MapNode}
 * with exactly the shape, field names and scalar types of {@code docker compose config --format json}
 * (compose-go's {@code types} package marshalled to JSON). The binder maps this tree to records and
 * {@link dev.jcompose.yaml.TreeJson} renders it; this page is the contract between them.
 *
 * <h2>Entry points</h2>
 * {@link dev.jcompose.schema.Normalizer#normalize(dev.jcompose.yaml.MapNode)} with a
 * {@link dev.jcompose.schema.NormalizeContext} (project name, project and home directories, the
 * environment for {@code KEY}-only entries, a warnings sink, and the {@link
 * dev.jcompose.schema.EnvFileReader} hook). Errors are {@link dev.jcompose.yaml.ComposeFileException}s
 * reading {@code file:line:col: path: problem} with a hint; every canonical node keeps the location
 * of the source node it came from (synthesised defaults take the location of their parent).
 *
 * <h2>General rules</h2>
 * <ul>
 *   <li>Scalars are typed as compose-go writes them: STRING, INT, FLOAT (float32 in Go's shortest
 *       form: {@code 0.5}, {@code 2}), BOOL, NULL.</li>
 *   <li>Go maps are written with sorted keys (services, environment, labels, depends_on, service
 *       networks, ulimits, top-level sections); Go structs in field declaration order.</li>
 *   <li>Go's {@code omitempty}: a plain field equal to its zero value (false, 0, "", empty list) is
 *       left out; pointer fields are kept when written ({@code init: false}, {@code scale: 0},
 *       {@code enable_ipv6: false}, {@code retries}, {@code replicas}).</li>
 *   <li>{@code command} and {@code entrypoint} are always present: {@code null} when not written,
 *       {@code []} when written empty, else a list of strings (a string is split with shell-word
 *       rules: quotes, backslash escapes; no variable or operator handling).</li>
 *   <li>Durations are Go duration strings: {@code "90s"} becomes {@code "1m30s"}, {@code "1h"} becomes
 *       {@code "1h0m0s"}; input also takes the {@code d} and {@code w} units.</li>
 *   <li>Byte sizes ({@code mem_limit}, {@code memswap_limit}, {@code mem_reservation},
 *       {@code mem_swappiness}, {@code shm_size}, {@code deploy.resources.*.memory}, volume
 *       {@code tmpfs.size}) are binary units ({@code 1k} = 1024) written as a <b>string of decimal
 *       bytes</b>, because compose-go's {@code UnitBytes} marshals to JSON that way:
 *       {@code mem_limit: 512m} becomes {@code "mem_limit":"536870912"}.</li>
 *   <li>Values of string maps (environment, labels, sysctls, annotations, options) are Go's
 *       {@code fmt.Sprint} of the YAML value: {@code 1.0} becomes {@code "1"}, {@code 0x1F}
 *       {@code "31"}, {@code True} {@code "true"}.</li>
 *   <li>{@code x-*} keys are kept as written at the top level, in services and in resource entries.</li>
 * </ul>
 *
 * <h2>Project</h2>
 * <pre>{"name":"proj","services":{...},"networks":{...},"volumes":{...},"secrets":{...},"configs":{...},"x-a":...}</pre>
 * {@code name} is always the context's project name. Sections are left out when absent. A service
 * without {@code network_mode} or {@code networks} gets {@code "networks":{"default":null}} and the
 * project then gets {@code "default":{"name":"proj_default","ipam":{}}} unless it declares one.
 *
 * <h2>Service fields (canonical form; short syntax on the left)</h2>
 * <pre>
 * ports: ["127.0.0.1:8000-8001:80-81/udp"] -> [{"mode":"ingress","host_ip":"127.0.0.1","target":80,"published":"8000","protocol":"udp"},
 *                                              {"mode":"ingress","host_ip":"127.0.0.1","target":81,"published":"8001","protocol":"udp"}]
 * ports: ["8000-8001:80"]           -> [{"mode":"ingress","target":80,"published":"8000-8001","protocol":"tcp"}]
 * ports: [{target: 80, published: 8080, name: web, app_protocol: http}]
 *                                   -> [{"name":"web","mode":"ingress","target":80,"published":"8080","protocol":"tcp","app_protocol":"http"}]
 * expose: [80, "3000-3005"]         -> ["80","3000-3005"]
 * volumes: ["./data:/data:ro"]      -> [{"type":"bind","source":"/proj/dir/data","target":"/data","read_only":true,"bind":{"create_host_path":true}}]
 * volumes: ["data:/data:nocopy"]    -> [{"type":"volume","source":"data","target":"/data","volume":{"nocopy":true}}]
 * volumes: ["/anon"]                -> [{"type":"volume","target":"/anon","volume":{}}]
 * volumes: [{type: tmpfs, target: /t, tmpfs: {size: 64m, mode: 01777}}]
 *                                   -> [{"type":"tmpfs","target":"/t","tmpfs":{"size":"67108864","mode":1023}}]
 * depends_on: [db]                  -> {"db":{"condition":"service_started","required":true}}
 * links: ["db:alias"], network_mode/ipc/pid/uts/cgroup: "service:db"
 *                                   -> depends_on gains {"db":{"condition":"service_started","restart":true,"required":true}}
 * volumes_from: ["db:ro"]           -> depends_on gains {"db":{"condition":"service_started","required":true}}
 * pull_policy: if_not_present       -> "missing"
 * volume targets                    -> cleaned like Go's path.Clean ("/data/" -> "/data")
 * build.args: [KEY] with KEY unset  -> left out (the Dockerfile default applies)
 * depends_on: {db: {condition: service_healthy, restart: true}}
 *                                   -> {"db":{"condition":"service_healthy","restart":true,"required":true}}
 * environment: [A=1, B]             -> {"A":"1","B":null}   (B from the context environment when set there)
 * environment: {N: 1, T: true}      -> {"N":"1","T":"true"}
 * networks: {} or []                -> {"default":null}  (like no networks at all)
 * env_file: ...                     -> merged into environment (environment wins), env_file itself is left out
 * healthcheck: {test: "curl x", interval: 90s}  -> {"test":["CMD-SHELL","curl x"],"interval":"1m30s"}
 * healthcheck: {disable: true}      -> {"test":["NONE"],"disable":true}
 * stop_grace_period: 90s            -> "1m30s"
 * cpus: "1.5"                       -> 1.5
 * deploy: {replicas: 2}             -> {"replicas":2,"resources":{},"placement":{}}   (resources, placement: Go structs, always written)
 * deploy: {resources: {limits: {cpus: "0.5", memory: 512M, pids: 100}}}
 *                                   -> {"resources":{"limits":{"cpus":0.5,"memory":"536870912","pids":100}},"placement":{}}
 * scale: 3 with deploy              -> deploy.replicas: 3 as well (different values are an error)
 * ulimits: {nofile: 1024, nproc: {soft: 1, hard: 2}} -> {"nofile":1024,"nproc":{"soft":1,"hard":2}}
 * extra_hosts: ["a:1.2.3.4", "b=::1"] or {a: 1.2.3.4} -> ["a=1.2.3.4","b=::1"]   (sorted "host=ip")
 * networks: [front]                 -> {"front":null}
 * networks: {front: {aliases: [w], ipv4_address: 10.0.0.2, priority: 1}} -> {"front":{"aliases":["w"],"ipv4_address":"10.0.0.2","priority":1}}
 * labels / annotations / sysctls: [a=1] or {a: 1} -> {"a":"1"}   (KEY alone -> "")
 * secrets: [token]                  -> [{"source":"token","target":"/run/secrets/token"}]
 * secrets: [{source: t, mode: 0440, uid: 1}] -> [{"source":"t","target":"/run/secrets/t","uid":"1","mode":"0440"}]
 * configs: [conf]                   -> [{"source":"conf"}]
 * devices: ["/dev/fuse"]            -> [{"source":"/dev/fuse","target":"/dev/fuse","permissions":"rwm"}]
 * tmpfs / dns / dns_search: "x"     -> ["x"]
 * user: 1000                        -> "1000"
 * build: ./app                      -> {"context":"/proj/dir/app","dockerfile":"Dockerfile"}
 * restart: no | always | on-failure[:N] | unless-stopped (validated)
 * network_mode: host | none | bridge | default | service:NAME | container:NAME (validated)
 * </pre>
 *
 * <h2>Top-level resources</h2>
 * <pre>
 * networks: {front: {}}             -> {"front":{"name":"proj_front","ipam":{}}}
 * networks: {ext: {external: true}} -> {"ext":{"name":"ext","ipam":{},"external":true}}
 * networks: {old: {external: {name: real}}} -> {"old":{"name":"real","ipam":{},"external":true}}   (deprecation warning)
 * volumes: {data: {}}               -> {"data":{"name":"proj_data"}}
 * secrets: {db: {file: ./db.txt}}   -> {"db":{"name":"proj_db","file":"/proj/dir/db.txt"}}
 * configs: {c: {content: hi}}       -> {"c":{"name":"proj_c","content":"hi"}}
 * </pre>
 *
 * <h2>Validation</h2>
 * Unknown keys: {@code additional property 'portz' is not allowed}, hint {@code did you mean
 * 'ports'?} when a known key is within edit distance 2. Wrong types: {@code must be a string},
 * {@code must be a mapping}, {@code must be a list}, {@code must be a boolean}, {@code must be an
 * integer}, hint {@code found a sequence}. Strings that read as numbers or booleans are accepted
 * where those are expected (interpolation produces strings). Port errors use docker's wording
 * ({@code invalid containerPort: x}, {@code invalid hostPort: x}, {@code invalid proto: x},
 * {@code invalid ranges specified for container and host Ports: 80-82 and 8000-8001}); sizes
 * {@code invalid size: 'x'}; durations {@code invalid duration "x"}; cross-field and reference rules
 * use compose-go's messages ({@code can't set distinct values on 'scale' and 'deploy.replicas'},
 * {@code service "web" refers to undefined network x}, {@code service "web" depends on undefined
 * service "db"}...). Stricter than compose-go: unknown short-syntax volume options, unknown
 * {@code network_mode} values, negative durations and counts are errors.
 *
 * <h2>Keys recognised but not implemented (decisions)</h2>
 * <ul>
 *   <li>Error: {@code net} (use network_mode); {@code log_driver}, {@code log_opt},
 *       {@code volume_driver} and a service-level {@code dockerfile} are unknown keys, as in
 *       compose-go's schema; secret/config {@code driver}, {@code template_driver},
 *       {@code driver_opts} (need a swarm store), an {@code include} that reached this stage.</li>
 *   <li>{@code build} is normalised and kept; a service with {@code build} and no {@code image}
 *       runs the image built as {@code <project>-<service>}, as docker compose names it.</li>
 *   <li>Kept for {@code config} as compose-go prints them, applied or warned about at {@code up} by
 *       the settings audit ({@link dev.jcompose.settings}): {@code develop}, {@code blkio_config},
 *       {@code credential_spec}, {@code models} (service and top level), {@code post_start},
 *       {@code pre_stop}, {@code provider} (a service may have it instead of an image),
 *       {@code gpus} ({@code all} -> {@code [{"count":-1}]}), {@code use_api_socket},
 *       {@code storage_opt}, {@code cpu_count}, {@code cpu_percent}, {@code cpu_rt_period},
 *       {@code cpu_rt_runtime}, {@code pull_refresh_after}, {@code label_file} (absolute paths; the
 *       files' labels are merged under the service's own), every part of {@code deploy}
 *       (update/rollback durations normalised, device request {@code count: all} -> -1), build
 *       {@code secrets}, {@code additional_contexts} (absolute unless remote or
 *       {@code service:}), {@code no_cache_filter}, network {@code ipam.options}.</li>
 *   <li>Warning, key left out: {@code env_file[].format: raw}. {@code version} gets compose's
 *       "obsolete" warning. YAML 1.1 booleans ({@code yes}, {@code on}, {@code n}...) at compose-go's
 *       boolean fields are cast with its warning.</li>
 *   <li>Kept silently as the engine's decision: {@code isolation}, {@code cgroup}, {@code uts},
 *       {@code mac_address}, {@code oom_kill_disable}, {@code oom_score_adj},
 *       {@code device_cgroup_rules}, {@code attach}, {@code annotations}. {@code extends} is dropped
 *       (resolved by an earlier stage).</li>
 * </ul>
 *
 * <h2>Versions of compose-go</h2>
 * Where compose-go versions differ the newest behaviour is followed, except that a short-syntax bind
 * always carries {@code "create_host_path":true} (newer compose-go omits the true value from JSON;
 * keeping it makes the tree self-describing), and a long-syntax {@code bind} block defaults it to
 * true. Short-syntax secrets get their default target {@code /run/secrets/<source>}.
 */
package dev.jcompose.schema;
