package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumesTest {
    private static final String DECLARED = "volumes:\n  data: {}\n";
    private final Fixture fx = new Fixture();

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "./data:/data:ro => {\"type\":\"bind\",\"source\":\"/work/proj/data\",\"target\":\"/data\",\"read_only\":true,\"bind\":{\"create_host_path\":true}}",
                "data:/data => {\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"volume\":{}}",
                "/abs:/x:rw,z => {\"type\":\"bind\",\"source\":\"/abs\",\"target\":\"/x\",\"bind\":{\"selinux\":\"z\",\"create_host_path\":true}}",
                "~/x:/y => {\"type\":\"bind\",\"source\":\"/home/u/x\",\"target\":\"/y\",\"bind\":{\"create_host_path\":true}}",
                "~:/y => {\"type\":\"bind\",\"source\":\"/home/u\",\"target\":\"/y\",\"bind\":{\"create_host_path\":true}}",
                "/data => {\"type\":\"volume\",\"target\":\"/data\",\"volume\":{}}",
                "../up:/up => {\"type\":\"bind\",\"source\":\"/work/up\",\"target\":\"/up\",\"bind\":{\"create_host_path\":true}}",
                "./a/../b:/b => {\"type\":\"bind\",\"source\":\"/work/proj/b\",\"target\":\"/b\",\"bind\":{\"create_host_path\":true}}",
                ".:/src => {\"type\":\"bind\",\"source\":\"/work/proj\",\"target\":\"/src\",\"bind\":{\"create_host_path\":true}}",
                "data:/data:nocopy => {\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"volume\":{\"nocopy\":true}}",
                "data:/data:ro => {\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"read_only\":true,\"volume\":{}}",
                "./x:/x:ro,rshared => {\"type\":\"bind\",\"source\":\"/work/proj/x\",\"target\":\"/x\",\"read_only\":true,\"bind\":{\"propagation\":\"rshared\",\"create_host_path\":true}}",
                "./x:/x:cached => {\"type\":\"bind\",\"source\":\"/work/proj/x\",\"target\":\"/x\",\"consistency\":\"cached\",\"bind\":{\"create_host_path\":true}}",
                "./x:/x:ro,rw => {\"type\":\"bind\",\"source\":\"/work/proj/x\",\"target\":\"/x\",\"bind\":{\"create_host_path\":true}}",
                "'{type: bind, source: ./data, target: /data}' => {\"type\":\"bind\",\"source\":\"/work/proj/data\",\"target\":\"/data\"}",
                "'{type: bind, source: ./data, target: /data, bind: {propagation: rslave}}' => {\"type\":\"bind\",\"source\":\"/work/proj/data\",\"target\":\"/data\",\"bind\":{\"propagation\":\"rslave\",\"create_host_path\":true}}",
                "'{type: bind, source: ~/d, target: /d, bind: {create_host_path: false, selinux: Z}}' => {\"type\":\"bind\",\"source\":\"/home/u/d\",\"target\":\"/d\",\"bind\":{\"selinux\":\"Z\",\"create_host_path\":false}}",
                "'{type: volume, source: data, target: /data, volume: {nocopy: true, subpath: sub}}' => {\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"volume\":{\"nocopy\":true,\"subpath\":\"sub\"}}",
                "'{type: tmpfs, target: /tmp, tmpfs: {size: 64m, mode: 01777}}' => {\"type\":\"tmpfs\",\"target\":\"/tmp\",\"tmpfs\":{\"size\":\"67108864\",\"mode\":1023}}",
                "'{type: tmpfs, target: /tmp, tmpfs: {size: 1024}}' => {\"type\":\"tmpfs\",\"target\":\"/tmp\",\"tmpfs\":{\"size\":\"1024\"}}",
                "'{type: volume, target: /anon}' => {\"type\":\"volume\",\"target\":\"/anon\"}",
                "'{type: image, source: alpine, target: /img, image: {subpath: etc}}' => {\"type\":\"image\",\"source\":\"alpine\",\"target\":\"/img\",\"image\":{\"subpath\":\"etc\"}}",
                "'{type: bind, source: /x, target: /x, read_only: true, consistency: cached}' => {\"type\":\"bind\",\"source\":\"/x\",\"target\":\"/x\",\"read_only\":true,\"consistency\":\"cached\"}",
                "'{type: bind, source: /x, target: /x, read_only: false}' => {\"type\":\"bind\",\"source\":\"/x\",\"target\":\"/x\"}",
            })
    void canonicalForms(String entry, String json) {
        assertThat(fx.field("volumes:\n  - " + entry, "volumes", DECLARED)).isEqualTo("[" + json + "]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'\"./x:/x:bogus\"' => compose.yaml:5:9: services.web.volumes[0]: invalid spec: ./x:/x:bogus: unknown option 'bogus' | options are ro, rw, nocopy, z, Z, a propagation (rprivate, private, rshared, shared, rslave, slave) or a consistency (consistent, cached, delegated)",
                "'\"a:/b:ro:d\"' => compose.yaml:5:9: services.web.volumes[0]: invalid spec: a:/b:ro:d: too many colons | write [SOURCE:]TARGET[:OPTIONS], e.g. ./data:/data:ro",
                "'\":/x\"' => compose.yaml:5:9: services.web.volumes[0]: invalid spec: :/x: empty section between colons | write [SOURCE:]TARGET[:OPTIONS], e.g. ./data:/data:ro",
                "'\"\"' => compose.yaml:5:9: services.web.volumes[0]: invalid empty volume spec | write [SOURCE:]TARGET[:OPTIONS], e.g. ./data:/data:ro",
                "'\"data:/x:z\"' => compose.yaml:5:9: services.web.volumes[0]: invalid spec: data:/x:z: bind options on a named volume | z, Z and propagation options apply to bind mounts (a source starting with ., / or ~)",
                "'{source: x, target: /x}' => compose.yaml:5:9: services.web.volumes[0]: type is required | one of bind, volume, tmpfs, npipe, cluster, image",
                "'{type: nfs, target: /x}' => compose.yaml:5:16: services.web.volumes[0].type: invalid mount type 'nfs' | use one of bind, volume, tmpfs, npipe, cluster, image",
                "'{type: bind, target: /x}' => compose.yaml:5:9: services.web.volumes[0]: source is required for a bind mount | give the host path, e.g. source: ./data",
                "'{type: volume, source: data}' => compose.yaml:5:9: services.web.volumes[0]: target is required | give the path inside the container, e.g. target: /data",
                "'{type: bind, source: /x, target: /x, bind: {propagation: up}}' => compose.yaml:5:66: services.web.volumes[0].bind.propagation: invalid propagation 'up' | use rprivate, private, rshared, shared, rslave or slave",
                "'{type: bind, source: /x, target: /x, bind: {selinux: y}}' => compose.yaml:5:62: services.web.volumes[0].bind.selinux: invalid selinux option 'y' | use z or Z",
                "'{type: tmpfs, target: /t, tmpfs: {size: lots}}' => compose.yaml:5:49: services.web.volumes[0].tmpfs.size: invalid size: 'lots' | write a number of bytes or a size such as 512m, 1g, 100k",
                "'{type: volume, target: /x, sorce: data}' => compose.yaml:5:36: services.web.volumes[0]: additional property 'sorce' is not allowed | did you mean 'source'?",
                "'{type: volume, target: /x, volume: {nocopy: maybe}}' => compose.yaml:5:53: services.web.volumes[0].volume.nocopy: must be a boolean | found a string",
                "'[a]' => compose.yaml:5:9: services.web.volumes[0]: must be a string | found a sequence",
            })
    void errors(String entry, String message) {
        assertThat(fx.error(Fixture.web("volumes:\n  - " + entry) + DECLARED)).isEqualTo(message);
    }
}
