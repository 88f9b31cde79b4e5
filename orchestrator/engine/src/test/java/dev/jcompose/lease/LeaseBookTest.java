package dev.jcompose.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.api.ProjectLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseBookTest {
    @TempDir
    Path dir;

    private static final ProjectLease LEASE =
            new ProjectLease(4242, Instant.parse("2026-12-07T10:00:00.120Z"), Duration.ofSeconds(5));

    @Test
    void aLeaseOutlivesTheBookThatWroteItAndEndsWithRelease() {
        new LeaseBook(dir.resolve("leases")).hold("shop-a1", LEASE);
        LeaseBook later = new LeaseBook(dir.resolve("leases"));
        assertThat(later.all(p -> {})).containsExactly(java.util.Map.entry("shop-a1", LEASE));
        later.release("shop-a1");
        later.release("shop-a1"); // a second release is a no-op
        assertThat(later.all(p -> {})).isEmpty();
    }

    @Test
    void aNewLeaseReplacesTheOldOneAndLeavesNoTemporaryFiles() throws Exception {
        LeaseBook book = new LeaseBook(dir);
        book.hold("shop", LEASE);
        ProjectLease next = new ProjectLease(7, Instant.parse("2026-12-07T11:00:00Z"), Duration.ZERO);
        book.hold("shop", next);
        assertThat(book.all(p -> {})).containsExactly(java.util.Map.entry("shop", next));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("shop.json");
        }
    }

    @Test
    void anUnreadableLeaseIsReportedAndSkipped() throws Exception {
        LeaseBook book = new LeaseBook(dir);
        book.hold("good", LEASE);
        Files.writeString(dir.resolve("bad.json"), "{not json");
        List<String> problems = new ArrayList<>();
        assertThat(book.all(problems::add)).containsOnlyKeys("good");
        assertThat(problems).singleElement().asString().contains("bad.json").contains("remove it by hand");
    }

    @Test
    void aProjectNameThatCouldLeaveTheDirectoryIsRefused() {
        LeaseBook book = new LeaseBook(dir);
        assertThatThrownBy(() -> book.hold("../etc", LEASE))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("invalid project name for a lease");
    }
}
