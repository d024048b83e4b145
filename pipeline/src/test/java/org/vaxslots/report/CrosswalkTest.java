package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.sql.SqlLayers;

/**
 * The reference layers alone (reference/*.csv, staging/stg_ref_*.sql, int_districts_crosswalked)
 * in DuckDB: every Co-WIN district id of the 14 May 2021 list reaches a census district, districts
 * created after 2011 share their parents' 2011 population, and
 * checks/check_districts_with_sessions_crosswalked.sql fails on a district with sessions that is
 * neither mapped nor listed as unmappable.
 */
class CrosswalkTest {
    static final String CHECK = "checks/check_districts_with_sessions_crosswalked.sql";
    static final Map<String, Long> BY_METHOD = Map.of("name", 701L, "override", 6L, "parent", 49L);
    static final long POP_SHAJAPUR = 1512353;
    static final long POP_EAST_DELHI = 1709346;
    static final long POP_NORTH_EAST_DELHI = 2241624;
    static final long POP_SOUTH_DELHI = 2731929;
    static final long POP_SONITPUR = 1925975;
    static final long POP_BILASPUR_CT = 1961922;
    static final long POP_BENGALURU_URBAN = 9588910;
    /** Census 2011 (provisional) state totals that the grouped figures add up to; see reference/SOURCES.md. */
    static final long POP_ASSAM_2011 = 31169272;
    static final long POP_ARUNACHAL_2011 = 1382611;
    static final long POP_HARYANA_2011 = 25353081;
    static final long POP_DELHI_2011 = 16787941;

    @TempDir
    Path dir;
    Path reference;
    Connection db;

    @BeforeEach
    void copyReferenceTables() throws IOException, SQLException {
        reference = dir.resolve("notebooks-sql");
        for (String entry : SqlLayers.index()) {
            if (entry.startsWith("reference/")) {
                Path target = reference.resolve(entry);
                Files.createDirectories(target.getParent());
                Files.writeString(target, SqlLayers.sql(entry), StandardCharsets.UTF_8);
            }
        }
        db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void crosswalk_districtList_everyIdMapsToACensusDistrict() throws Exception {
        build();
        assertEquals(List.of(List.of("756")), rows("SELECT count(*) FROM int_districts_crosswalked"));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (List<String> r : rows("SELECT match_method, count(*) FROM int_districts_crosswalked GROUP BY match_method")) {
            byMethod.put(r.get(0), Long.parseLong(r.get(1)));
        }
        assertEquals(BY_METHOD, byMethod);
        assertEquals(List.of(), rows("SELECT district_id FROM int_districts_crosswalked WHERE district_key IS NULL OR census_district_name IS NULL"));
        assertEquals(List.of(List.of("593", "TG_Mahabubnagar")),
                rows("SELECT district_id, district_key FROM int_districts_crosswalked WHERE population IS NULL"),
                "only Mahabubnagar, redrawn in 2016 and 2019, has no population in the source and no 2011 parent figure");
    }

    @Test
    void crosswalk_districtsCreatedAfter2011_shareTheirParentsPopulation() throws Exception {
        build();
        assertEquals(List.of(
                        List.of("136", "CT_Bilaspur", "parent", "2", Long.toString(POP_BILASPUR_CT)),
                        List.of("144", "DL_South Delhi", "parent", "2", Long.toString(POP_SOUTH_DELHI)),
                        List.of("148", "DL_East Delhi + DL_North East Delhi", "parent", "3", Long.toString(POP_EAST_DELHI + POP_NORTH_EAST_DELHI)),
                        List.of("320", "MP_Shajapur", "parent", "2", Long.toString(POP_SHAJAPUR)),
                        List.of("765", "AS_Sonitpur", "parent", "2", Long.toString(POP_SONITPUR))),
                rows("""
                        SELECT district_id, district_key, match_method, cowin_units_in_census_district, population
                        FROM int_districts_crosswalked WHERE district_id IN (136, 144, 148, 320, 765) ORDER BY district_id"""));
        assertEquals(List.of(List.of("East Delhi + North East Delhi", "DL_Shahdara", "child")),
                rows("SELECT census_district_name, matched_district_key, census_group_role FROM int_districts_crosswalked WHERE district_id = 148"));
    }

    @Test
    void crosswalk_groupedPopulations_addUpToTheStates2011Totals() throws Exception {
        build();
        assertEquals(List.of(
                        List.of("Arunachal Pradesh", Long.toString(POP_ARUNACHAL_2011)),
                        List.of("Assam", Long.toString(POP_ASSAM_2011)),
                        List.of("Delhi", Long.toString(POP_DELHI_2011)),
                        List.of("Haryana", Long.toString(POP_HARYANA_2011))),
                rows("""
                        SELECT cowin_state_name, CAST(round(sum(population_share)) AS BIGINT)
                        FROM int_districts_crosswalked
                        WHERE cowin_state_name IN ('Arunachal Pradesh', 'Assam', 'Delhi', 'Haryana')
                        GROUP BY cowin_state_name ORDER BY cowin_state_name"""));
    }

    @Test
    void crosswalk_nameWithTrailingSpace_resolvesInItsOwnState() throws Exception {
        build();
        assertEquals(List.of(
                        List.of("77", "Bihar", "BR_Aurangabad"), List.of("116", "Chhattisgarh", "CT_Bilaspur"),
                        List.of("217", "Himachal Pradesh", "HP_Hamirpur"), List.of("219", "Himachal Pradesh", "HP_Bilaspur"),
                        List.of("397", "Maharashtra", "MH_Aurangabad"), List.of("522", "Rajasthan", "RJ_Pratapgarh"),
                        List.of("655", "Uttar Pradesh", "UP_Hamirpur"), List.of("682", "Uttar Pradesh", "UP_Pratapgarh")),
                rows("""
                        SELECT district_id, cowin_state_name, matched_district_key FROM int_districts_crosswalked
                        WHERE trim(cowin_district_name) IN ('Aurangabad', 'Bilaspur', 'Hamirpur', 'Pratapgarh') ORDER BY district_id"""));
    }

    @Test
    void crosswalk_healthUnits_countTheirParentOnce() throws Exception {
        build();
        assertEquals(List.of(
                        List.of("265", "KA_Bengaluru Urban", "2", Long.toString(POP_BENGALURU_URBAN), Double.toString(POP_BENGALURU_URBAN / 2.0)),
                        List.of("294", "KA_Bengaluru Urban", "2", Long.toString(POP_BENGALURU_URBAN), Double.toString(POP_BENGALURU_URBAN / 2.0))),
                rows("""
                        SELECT district_id, district_key, cowin_units_in_census_district, population, population_share
                        FROM int_districts_crosswalked WHERE district_id IN (265, 294) ORDER BY district_id"""));
        assertEquals(List.of(List.of("0")), rows("""
                SELECT count(*) FROM (
                    SELECT district_key FROM int_districts_crosswalked WHERE district_key IS NOT NULL
                    GROUP BY district_key
                    HAVING count(DISTINCT population) > 1 OR abs(sum(population_share) - max(population)) > 0.001
                )"""), "every unit of a census district carries its one population, and the shares add up to it");
    }

    @Test
    void handMappings_keysExistAndGroupsStayInOneState() throws Exception {
        build();
        assertEquals(List.of(), rows("""
                SELECT 'override to an unknown key', CAST(district_id AS VARCHAR) FROM stg_ref_crosswalk_overrides
                WHERE district_key IS NOT NULL
                    AND district_key NOT IN (SELECT district_key FROM stg_ref_census_district_population)
                UNION ALL
                SELECT 'hand mapping without reason or source', CAST(district_id AS VARCHAR) FROM stg_ref_crosswalk_overrides
                WHERE coalesce(trim(reason), '') = '' OR coalesce(trim(source), '') = ''
                UNION ALL
                SELECT 'group member not in the population table', district_key FROM stg_ref_census_district_groups
                WHERE district_key NOT IN (SELECT district_key FROM stg_ref_census_district_population)
                UNION ALL
                SELECT 'group member listed twice', district_key FROM stg_ref_census_district_groups
                GROUP BY district_key HAVING count(*) > 1
                UNION ALL
                SELECT 'group without exactly its parents in its key', census_group_key FROM stg_ref_census_district_groups
                GROUP BY census_group_key
                HAVING string_agg(district_key, ' + ' ORDER BY strpos(census_group_key, district_key))
                        FILTER (WHERE census_group_role = 'parent') IS DISTINCT FROM census_group_key
                    OR count(*) FILTER (WHERE census_group_role = 'child') = 0
                    OR count(*) FILTER (WHERE census_group_role NOT IN ('parent', 'child')) > 0
                    OR count(DISTINCT left(district_key, 3)) > 1
                UNION ALL
                SELECT 'group member without reason or source', district_key FROM stg_ref_census_district_groups
                WHERE coalesce(trim(reason), '') = '' OR coalesce(trim(source), '') = ''"""));
    }

    @Test
    void check_districtWithSessionsNotInTheList_fails() throws Exception {
        build();
        sessionsIn(298, 9999);
        assertEquals(List.of(List.of("district with sessions is not in the district list", "9999", "Kerala", "District 9999", "1")),
                rows(SqlLayers.sql(CHECK)));
    }

    @Test
    void check_districtInTheListWithoutCensusDistrictOrReason_fails() throws Exception {
        Files.writeString(reference.resolve("reference/cowin_districts_2021-05-14.csv"), "17,9998,Nowhere,Kerala\r\n",
                StandardOpenOption.APPEND);
        build();
        sessionsIn(9998);
        assertEquals(List.of(List.of("district with sessions has no census district and no reason", "9998", "Kerala", "District 9998", "1")),
                rows(SqlLayers.sql(CHECK)));
    }

    @Test
    void check_districtListedAsUnmappable_passes() throws Exception {
        Files.writeString(reference.resolve("reference/crosswalk_overrides.csv"),
                "9999,,\"No census district: a test id.\",CrosswalkTest\n", StandardOpenOption.APPEND);
        build();
        sessionsIn(298, 9999);
        assertEquals(List.of(), rows(SqlLayers.sql(CHECK)));
        assertEquals(List.of(List.of("unmapped", "No census district: a test id.")),
                rows("SELECT match_method, unmapped_reason FROM int_districts_crosswalked WHERE district_id = 9999 AND district_key IS NULL"));
    }

    private void build() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("SET file_search_path = '" + reference.toString().replace("'", "''") + "'");
            for (String entry : SqlLayers.index()) {
                if (entry.startsWith("staging/stg_ref_") || entry.equals("intermediate/int_districts_crosswalked.sql")) {
                    st.execute(SqlLayers.sql(entry));
                }
            }
        }
    }

    /** The one relation the check reads besides the crosswalk: one session in each district given. */
    private void sessionsIn(int... districtIds) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE int_session_spells_summarised (district_id INTEGER, state_name VARCHAR, district_name VARCHAR)");
            for (int id : districtIds) {
                st.execute("INSERT INTO int_session_spells_summarised VALUES (" + id + ", 'Kerala', 'District " + id + "')");
            }
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
