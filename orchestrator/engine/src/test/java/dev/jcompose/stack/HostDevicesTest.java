package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.StackException;
import dev.jcompose.oci.ContainerSpec;
import org.junit.jupiter.api.Test;

class HostDevicesTest {
    @Test
    void readsTheHostNodesTypeAndNumbers() {
        assertThat(HostDevices.device("web", "/dev/null", "/dev/mynull", "rw"))
                .isEqualTo(new ContainerSpec.Device("/dev/mynull", "c", 1, 3, 0666, "rw"));
    }

    @Test
    void decodesLargeDeviceNumbersLikeGlibc() {
        long major = 0xabc123L;
        long minor = 0x456789L;
        // glibc's makedev
        long rdev = ((major & 0xfff) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xff) | ((minor & ~0xffL) << 12);
        assertThat(HostDevices.major(rdev)).isEqualTo(major);
        assertThat(HostDevices.minor(rdev)).isEqualTo(minor);
    }

    @Test
    void refusesWhatTheHostLacksOrWhatIsNotADevice() {
        assertThatThrownBy(() -> HostDevices.device("web", "/dev/jcompose-nope", "/dev/x", "rwm"))
                .isInstanceOf(StackException.class)
                .hasMessage("device /dev/jcompose-nope of service web does not exist on this host");
        assertThatThrownBy(() -> HostDevices.device("web", "/etc/hostname", "/dev/x", "rwm"))
                .hasMessage("device /etc/hostname of service web is not a device node");
        assertThatThrownBy(() -> HostDevices.device("web", "/dev/null", "/dev/x", "rwx"))
                .hasMessage("device /dev/null of service web: invalid permissions 'rwx'");
        assertThatThrownBy(() -> HostDevices.device("web", "/dev/null", "dev/x", "r"))
                .hasMessage("device /dev/null of service web: the container path dev/x is not an absolute clean path");
    }
}
