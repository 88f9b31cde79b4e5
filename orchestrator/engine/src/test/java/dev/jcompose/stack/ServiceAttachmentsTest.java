package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.endpoint.AttachmentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAttachmentsTest {
    @Test
    void linkAliasesNameTheLinkedServiceAndPlainLinksAddNothing() {
        assertThat(ServiceAttachments.linkAliases(List.of("container2:container", "db", "cache:cache")))
                .isEqualTo(Map.of("container", "container2", "cache", "cache"));
    }

    @Test
    void theServiceMacGoesToThePrimaryNetworkUnlessItHasItsOwn() {
        List<AttachmentRequest> two = new ArrayList<>(List.of(
                new AttachmentRequest("p_back", 0, List.of(), null, null),
                new AttachmentRequest("p_front", 10, List.of(), null, null)));
        ServiceAttachments.withServiceMac(two, "00:e0:84:35:d0:e8");
        assertThat(two)
                .extracting(a -> a.network() + "=" + a.macAddress())
                .containsExactly("p_back=null", "p_front=00:e0:84:35:d0:e8");

        List<AttachmentRequest> own =
                new ArrayList<>(List.of(new AttachmentRequest("p_default", 0, List.of(), null, "02:00:00:00:00:01")));
        ServiceAttachments.withServiceMac(own, "00:e0:84:35:d0:e8");
        assertThat(own.get(0).macAddress()).isEqualTo("02:00:00:00:00:01");
    }

    @Test
    void interfaceNamesAreCheckedWhereTheyAreAsked() {
        assertThat(new AttachmentRequest("p_default", 0, List.of(), null, null, "foobar").interfaceName())
                .isEqualTo("foobar");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new AttachmentRequest("p_default", 0, List.of(), null, null, "a name that is far too long"))
                .hasMessageStartingWith("invalid interface_name 'a name that is far too long' for network p_default");
    }
}
