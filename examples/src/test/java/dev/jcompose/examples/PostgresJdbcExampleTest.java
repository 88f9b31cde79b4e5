package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.fixtures.ExecResult;
import dev.jcompose.junit.ComposeTest;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL from Debian's packages (the image bin/postgres-image makes) as a test database: JDBC
 * from the test on the published port, and the same database seen from inside the stack.
 */
@Tag("root")
@ComposeTest(files = "../compose-samples/postgres/compose.yaml")
class PostgresJdbcExampleTest {
    private static Connection connect(ComposeStack stack) throws Exception {
        InetSocketAddress db = stack.endpoint("db", 5432);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + db.getHostString() + ":" + db.getPort() + "/orders", "app", "app-secret");
    }

    @Test
    void jdbcWritesWhatTheContainerReads(ComposeStack stack) throws Exception {
        try (Connection c = connect(stack);
                Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
            try (ResultSet r = s.executeQuery("select count(*) from orders")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(2);
            }
        }
        ExecResult inside =
                stack.exec("db", "psql", "-U", "app", "-d", "orders", "-tAc", "select item from orders order by id");
        assertThat(inside.exitCode()).as(inside.stderr()).isZero();
        assertThat(inside.stdout()).isEqualTo("tea\ncake\n");
    }

    @Test
    void theClientReachesTheDatabaseByName(ComposeStack stack) {
        ExecResult probe = stack.exec("client", "sh", "-c", "nc -w 2 db 5432 </dev/null && echo reached");
        assertThat(probe.stdout()).contains("reached");
    }
}
