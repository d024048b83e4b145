package org.vaxslots.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;

/** notebooks-sql as a set of files: the index is complete and in order, and every file keeps the style contract. */
class SqlLayersTest {
    static final Path NOTEBOOKS = Path.of("../notebooks-sql");
    static final List<String> LAYERS = List.of("macros/", "reference/", "staging/", "intermediate/", "marts/", "reports/", "pack/",
            "checks/");

    static TreeSet<String> present() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(NOTEBOOKS)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> NOTEBOOKS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> LAYERS.stream().anyMatch(p::startsWith))
                    .filter(p -> p.endsWith(".sql") || (p.startsWith("reference/") && p.endsWith(".csv")))
                    .forEach(out::add);
        }
        return out;
    }

    @Test
    void index_listsExactlyTheLayerFilesPresent() throws IOException {
        List<String> index = SqlLayers.index();
        assertEquals(present(), new TreeSet<>(index));
        assertEquals(index.size(), new TreeSet<>(index).size(), "no file listed twice");
    }

    @Test
    void index_layersInDependencyOrder() {
        List<String> index = SqlLayers.index();
        int last = -1;
        for (String entry : index) {
            int layer = LAYERS.indexOf(entry.substring(0, entry.indexOf('/') + 1));
            assertTrue(layer >= last, entry + " comes after a later layer");
            last = layer;
        }
    }

    @Test
    void sqlFiles_headerNamesThemAndNoDotCommandsOrPositionalGroupBy() throws IOException {
        for (String entry : SqlLayers.index()) {
            if (!entry.endsWith(".sql")) {
                continue;
            }
            String sql = Files.readString(NOTEBOOKS.resolve(entry));
            assertTrue(sql.startsWith("-- notebooks-sql/" + entry + "\n"), entry + ": header must name the file");
            assertTrue(sql.contains("-- Grain:") || sql.contains("-- Passes when"), entry + ": header must state the grain");
            for (String line : sql.split("\n")) {
                assertFalse(line.startsWith("."), entry + ": dot-command " + line);
                assertFalse(line.matches("(?i).*GROUP BY \\d.*"), entry + ": positional GROUP BY");
            }
            String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".sql".length());
            if (entry.startsWith("staging/") || entry.startsWith("intermediate/") || entry.startsWith("marts/")) {
                assertTrue(sql.contains("CREATE OR REPLACE VIEW " + name + " AS") || sql.contains("CREATE OR REPLACE TABLE " + name + " AS"),
                        entry + ": must create the relation named after the file");
            }
            if (entry.startsWith("macros/")) {
                assertTrue(sql.contains("CREATE OR REPLACE MACRO " + name), entry + ": must create the macro named after the file, or a family of it");
            }
        }
    }

    @Test
    void layers_rangeOffsetAndMarkerFilter_writtenOnlyInTheirMacros() throws IOException {
        for (String entry : SqlLayers.index()) {
            if (!entry.endsWith(".sql") || entry.startsWith("macros/") || entry.startsWith("checks/")) {
                continue;
            }
            String sql = Files.readString(NOTEBOOKS.resolve(entry)).lines().filter(l -> !l.startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertFalse(sql.contains("getvariable('report_"), entry + ": use in_report_range() and its family (macros/report_range.sql)");
            assertFalse(sql.contains("INTERVAL 330 MINUTE"), entry + ": use ist() or ist_date() (macros/ist.sql)");
            assertFalse(sql.contains("tables/_sweeps"), entry + ": use normalized_sweeps() (macros/normalized_sweeps.sql)");
        }
    }

    @Test
    void staging_viewsListTheirColumns() throws IOException {
        for (String entry : SqlLayers.index()) {
            if (entry.startsWith("staging/")) {
                assertFalse(Files.readString(NOTEBOOKS.resolve(entry)).contains("SELECT *"), entry + ": list the columns");
            }
        }
    }

    @Test
    void reports_eachPublishedCsvHasItsDocument() {
        for (String entry : SqlLayers.index()) {
            if (entry.startsWith("reports/")) {
                String name = entry.substring("reports/".length(), entry.length() - ".sql".length());
                assertTrue(Files.isRegularFile(Path.of("../data-schema/reports/" + name + ".md")), "data-schema/reports/" + name + ".md");
            }
        }
    }

    @Test
    void reference_districtList_sameBytesAsTheParsersCopy() throws IOException {
        assertEquals(Files.readString(Path.of("src/main/resources/org/vaxslots/reference/cowin_districts_2021-05-14.csv")),
                Files.readString(NOTEBOOKS.resolve("reference/cowin_districts_2021-05-14.csv")),
                "notebooks-sql/reference/ keeps a copy for DuckDB; re-copy it when the parser's list changes");
    }

    @Test
    void build_tablesOfAnOlderNormalizeWithoutListedDistricts_refusedNamingTheFix(@TempDir Path dir) throws IOException {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Files.createDirectories(root.table("fetches"));
        Files.createDirectories(root.table("sessions"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqlLayers.build(root, null, null));

        assertEquals("no table listed_districts under " + root.tables() + ": its sweeps were normalized by an older"
                + " vaxslots; run `vaxslots normalize`, which normalizes them again", e.getMessage());
    }
}
