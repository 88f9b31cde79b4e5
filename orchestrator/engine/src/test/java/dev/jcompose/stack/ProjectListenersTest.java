package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectListenersTest {
    final ProjectListeners listeners = new ProjectListeners();
    final List<String> a = new ArrayList<>();
    final List<String> b = new ArrayList<>();
    final List<String> all = new ArrayList<>();
    final StackListener la = e -> a.add(e.render());
    final StackListener lb = e -> b.add(e.render());
    final StackListener lall = e -> all.add(e.project() + ": " + e.render());

    @Test
    void eachProjectsListenerHearsOnlyItsProjectAndEngineWideListenersHearEverything() {
        listeners.add(Optional.of("a"), la);
        listeners.add(Optional.of("b"), lb);
        listeners.add(Optional.empty(), lall);
        listeners.emit(StackEvent.container("a-web-1", "Started").of("a"));
        listeners.emit(StackEvent.container("b-web-1", "Started").of("b"));
        listeners.emit(new StackEvent("Network", "b_default", "Created", "", "b"));
        listeners.emit(StackEvent.container("stray-1", "Exited"));
        assertThat(a).containsExactly("Container a-web-1 Started");
        assertThat(b).containsExactly("Container b-web-1 Started", "Network b_default Created");
        assertThat(all)
                .containsExactly(
                        "a: Container a-web-1 Started",
                        "b: Container b-web-1 Started",
                        "b: Network b_default Created",
                        ": Container stray-1 Exited");
    }

    @Test
    void aListenerRegisteredTwiceHearsEachEventOnceAndIsRemovedOneRegistrationAtATime() {
        listeners.add(Optional.of("a"), la);
        listeners.add(Optional.empty(), la);
        listeners.emit(StackEvent.container("a-web-1", "Started").of("a"));
        listeners.emit(StackEvent.container("b-web-1", "Started").of("b"));
        assertThat(a).containsExactly("Container a-web-1 Started", "Container b-web-1 Started");
        listeners.remove(Optional.empty(), la);
        listeners.emit(StackEvent.container("b-web-1", "Stopped").of("b"));
        listeners.emit(StackEvent.container("a-web-1", "Stopped").of("a"));
        assertThat(a)
                .containsExactly("Container a-web-1 Started", "Container b-web-1 Started", "Container a-web-1 Stopped");
        listeners.remove(Optional.of("a"), la);
        listeners.emit(StackEvent.container("a-web-1", "Removed").of("a"));
        assertThat(a).hasSize(3);
    }
}
