package org.vaxslots.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static Catalog catalog(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            return Catalog.read(c);
        }
    }

    @Test
    void listing_elevenNames_fillsEightyColumnsTopToBottom() throws Exception {
        String[] views = List.of("centers", "fetches", "rejects", "schema_events", "sessions", "stg_centers", "stg_fetches",
                "stg_rejects", "stg_schema_events", "stg_sessions", "sweeps").stream()
                .map(v -> "CREATE VIEW " + v + " AS SELECT 1 AS x").toArray(String[]::new);

        String listing = catalog(views).listing();

        assertEquals(""
                + "centers            schema_events      stg_fetches        stg_sessions\n"
                + "fetches            sessions           stg_rejects        sweeps\n"
                + "rejects            stg_centers        stg_schema_events\n", listing);
    }

    @Test
    void schema_tableAndView_giveTheirColumnsInOrder() throws Exception {
        Catalog catalog = catalog("CREATE TABLE t (b INTEGER, a VARCHAR[])", "CREATE VIEW v AS SELECT a, b + 1 AS c FROM t");

        assertEquals(Optional.of("CREATE TABLE t(\n  b INTEGER,\n  a VARCHAR[]\n);\n"), catalog.schema("t"));
        assertEquals(Optional.of("CREATE VIEW v(\n  a VARCHAR[],\n  c INTEGER\n);\n"), catalog.schema("v"));
        assertEquals(Optional.empty(), catalog.schema("nope"));
        assertEquals(List.of("a", "b", "c", "t", "v"), catalog.names());
    }
}
