package dev.jcompose.dns;

import java.util.List;
import java.util.Map;

/** Pure: a container's /etc/hosts. */
public final class EtcHosts {
    private EtcHosts() {}

    /**
     * @param own        the container's addresses (one per network, in interface order); may be empty
     * @param names      hostname first, then the container name (duplicates dropped)
     * @param extraHosts {@code extra_hosts} in order: name -> address
     */
    public static String render(List<String> own, List<String> names, List<Map.Entry<String, String>> extraHosts) {
        StringBuilder sb = new StringBuilder();
        sb.append("127.0.0.1\tlocalhost\n");
        sb.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        String joined = String.join(" ", names.stream().distinct().toList());
        for (String ip : own) {
            sb.append(ip).append('\t').append(joined).append('\n');
        }
        for (Map.Entry<String, String> e : extraHosts) {
            sb.append(e.getValue()).append('\t').append(e.getKey()).append('\n');
        }
        return sb.toString();
    }
}
