package org.vaxslots.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * README.md of a pack, for the journalist who opens it first: what each file is, every metric in
 * plain words with one worked example in small numbers, the caveats, the crawl's coverage, source
 * and license, and the exact commands that rebuild the pack. It holds no clock time, so the same
 * tables give the same README.
 */
final class PackReadme {
    private PackReadme() {}

    static String render(PackFacts f) {
        String range = (f.from() == null ? "the first" : f.from().toString()) + " to "
                + (f.to() == null ? "the last session date in the data" : f.to().toString());
        PackFacts.Coverage c = f.coverage();
        String rows = f.csvs().entrySet().stream()
                .map(e -> "| `" + e.getKey() + "` | " + e.getValue().rows() + " | " + ABOUT.get(e.getKey()) + " |")
                .collect(Collectors.joining("\n"));
        String coverage = c.sweepsWithDistricts() == 0
                ? "No sweep in this pack fetched districts by id (the data came from recorded pin-code or other"
                        + " responses), so crawl coverage cannot be stated; `crawl_coverage.csv` lists the sweeps."
                : "Sweeps that fetched districts: " + c.sweepsWithDistricts() + " (an imported sweep whose requests name"
                        + " their district, from `import --name-pattern` or the file name, counts exactly like a live one)."
                        + " Share of districts read successfully"
                        + " per sweep: median " + c.medianPct() + "%, lowest " + c.minPct() + "%. District fetches"
                        + " without data (throttled or failed): " + c.districtFetchesWithoutData() + ". District rows of"
                        + " `district_daily_coverage.csv` with at least one sweep without data: " + c.districtRowsWithGaps()
                        + " of " + c.districtRows() + ".\n\n" + districtList(c.list());
        String fromOpt = f.from() == null ? "" : " --from " + f.from();
        String toOpt = f.to() == null ? "" : " --to " + f.to();
        return TEMPLATE
                .replace("{release}", f.release())
                .replace("{range}", range)
                .replace("{first}", String.valueOf(f.firstSessionDate()))
                .replace("{last}", String.valueOf(f.lastSessionDate()))
                .replace("{districts}", Long.toString(f.districts()))
                .replace("{sweeps}", Integer.toString(f.sweeps().size()))
                .replace("{files}", rows)
                .replace("{coverage}", coverage + "\n\n" + rejects(f.rejects()))
                .replace("{rounding}", rounding(f.rounding()))
                .replace("{chart_day}", f.chartDay().describe() + (f.chartDay().chosen() ? ""
                        : "; `report --chart-date` draws another"))
                .replace("{options}", fromOpt + toOpt + " --release " + f.release());
    }

    /** How much of the day's district list the capture asked for: a partial capture says so here. */
    static String districtList(PackFacts.DistrictList l) {
        String perSweep = l.fewestPerSweep() == l.mostPerSweep() ? "each sweep asked for " + l.mostPerSweep()
                : "one sweep asked for " + l.fewestPerSweep() + " to " + l.mostPerSweep();
        String states = l.states() == 1 ? " state" : " states";
        return "Against the district list of the day (" + l.name() + ": " + l.listed() + " districts in " + l.states()
                + states + "), the sweeps together asked for " + l.asked() + " of the " + l.listed() + " districts, in "
                + l.statesAsked() + " of the " + l.states() + states + ", and never for " + (l.listed() - l.asked()) + "; "
                + perSweep + " (`districts_listed` and `districts_not_attempted` in `crawl_coverage.csv`)."
                + (l.sweepsOwn() ? " A sweep's own list holds the districts of the states it asked for (`district_list`"
                        + " `sweep`), so it speaks for those states only." : "")
                + (l.asked() < l.listed() ? " This is a partial capture" + (l.sweepsOwn() ? " of the districts listed" : " of the country")
                        + ": no figure here speaks for a district it never asked for." : "");
    }

    /** What the pack could not read, in all and per sweep, by reason_code (rejects_summary.csv). */
    static String rejects(List<PackFacts.RejectCount> rejects) {
        if (rejects.isEmpty()) {
            return "Rejects (what could not be read): none. Every response of the pack's sweeps was read whole.";
        }
        Map<String, long[]> total = new TreeMap<>();
        Map<String, Map<String, long[]>> perSweep = new TreeMap<>();
        for (PackFacts.RejectCount r : rejects) {
            add(total.computeIfAbsent(r.reasonCode(), k -> new long[2]), r);
            add(perSweep.computeIfAbsent(r.sweepId(), k -> new TreeMap<>()).computeIfAbsent(r.reasonCode(), k -> new long[2]), r);
        }
        StringBuilder s = new StringBuilder("Rejects (what could not be read; `rejects_summary.csv`, and `manifest.json`):"
                + " in all, " + counts(total) + ". A response rejected is read not at all; a record rejected is one center"
                + " or session left out of a response otherwise read.\n\n| sweep | responses | records | by reason (responses / records) |\n|---|---|---|---|");
        for (Map.Entry<String, Map<String, long[]>> e : perSweep.entrySet()) {
            long[] sum = sum(e.getValue());
            s.append("\n| `").append(CsvCells.neutralise(e.getKey())).append("` | ").append(sum[0]).append(" | ").append(sum[1])
                    .append(" | ").append(e.getValue().entrySet().stream().map(r -> "`" + r.getKey() + "` " + r.getValue()[0] + " / "
                            + r.getValue()[1]).collect(Collectors.joining(", "))).append(" |");
        }
        return s.append("\n\nSweeps not in this table had no reject.").toString();
    }

    private static void add(long[] into, PackFacts.RejectCount r) {
        into[0] += r.responses();
        into[1] += r.records();
    }

    private static long[] sum(Map<String, long[]> byReason) {
        long[] out = new long[2];
        byReason.values().forEach(v -> {
            out[0] += v[0];
            out[1] += v[1];
        });
        return out;
    }

    private static String counts(Map<String, long[]> byReason) {
        long[] sum = sum(byReason);
        return count(sum[0], "response") + " and " + count(sum[1], "record") + " (" + byReason.entrySet().stream()
                .map(e -> "`" + e.getKey() + "`: " + count(e.getValue()[0], "response") + ", " + count(e.getValue()[1], "record"))
                .collect(Collectors.joining("; ")) + ")";
    }

    /** "1 response", "2 responses". */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The caveat of contract 2: fractional capacities are floored, and how many sessions that touched. */
    static String rounding(PackFacts.Rounding r) {
        if (r == null) {
            return "The tables were normalized before this was recorded: re-run `vaxslots normalize --rebuild` to count them.";
        }
        return r.observations() == 0 ? "In this pack: none."
                : "In this pack: " + r.observations() + " session observations (" + r.sessions() + " sessions).";
    }

    static final Map<String, String> ABOUT = Map.of(
            "district_daily_coverage.csv", "The main table: slot supply per session day, Co-WIN district and age group.",
            "state_daily_coverage.csv", "The same, rolled up per state (population-weighted where a share is averaged).",
            "hourly_availability.csv", "Open slots and centers per district and age group, hour by hour (India time).",
            "slot_release_hours.csv", "When new slots appeared, by hour of day (India time).",
            "crawl_coverage.csv", "Per sweep: districts tried, read, empty, throttled, failed. Read it beside every number.",
            "schema_changes.csv", "Fields the Co-WIN API added, dropped or changed, and when they were first seen.",
            "rejects_summary.csv", "What could not be read: rejected responses and records per sweep, by reason.");

    private static final String TEMPLATE = """
            # Co-WIN vaccination slot coverage: report pack {release}

            How many vaccination appointment slots India's Co-WIN platform offered, where, for whom, and how
            fast they went, measured from repeated snapshots ("sweeps") of Co-WIN's public availability API.

            - Session days covered: {range} (sessions listed from {first} to {last}).
            - Co-WIN districts with sessions: {districts}. Sweeps used: {sweeps} (listed in `manifest.json`).

            ## Files

            | file | rows | what it is |
            |---|---|---|
            {files}
            | `dictionary.csv` | | Every column of every CSV: type, unit and meaning. |
            | `chart_open_capacity_per_100k_by_district.png` | | Open slots per 100,000 residents by district on {chart_day}. |
            | `chart_open_slots_by_hour.png` | | Heat map: districts by hour of day, shade = open slots. |
            | `chart_crawl_coverage.png` | | Per sweep, how many districts were read, empty, throttled or failed. |
            | `datapackage.json` | | The pack as a Frictionless Tabular Data Package: each CSV's column types, keys, bytes and sha256, license and sources. |
            | `index.html` | | This pack as one web page: key findings, the charts with their data, the worked example, the files. |
            | `manifest.json` | | Software version, input sweeps and raw files with sha256, row counts, sha256 of every file. |

            All CSVs: UTF-8, comma-separated, one header row, snake_case column names, dates as YYYY-MM-DD,
            times as UTC ISO 8601 (`2021-05-16T04:30:00Z`) unless the column name ends in `_ist`, plain
            numbers without thousands separators, an empty cell where a value is unknown. Rows are sorted,
            so two packs can be compared line by line. A cell that a spreadsheet would run as a formula
            (text starting with `=`, `+`, `@`, or `-` when it is not a number) is written with a leading
            single quote (`'=HYPERLINK(...)`): names come from the source and are not trusted.

            ## What the numbers mean

            A **sweep** is one pass over the districts: for each district, one request for the next 7 days of
            sessions. A **session** is one center's offer for one day, one vaccine and one age group; its
            **open slots** (`available_capacity`) are what Co-WIN showed as still bookable at that moment.
            A sweep shows a snapshot; everything between two sweeps is invisible.

            Worked example. District A (population 200,000) on 16 May, age 18-44, is read by 5 sweeps 15
            minutes apart; the third is refused by the API (throttled). Two sessions:

            | sweep | 10:00 | 10:15 | 10:30 | 10:45 | 11:00 |
            |---|---|---|---|---|---|
            | session 1 (center X), open slots | 0 | 10 | throttled | 4 | 0 |
            | session 2 (center Y), open slots | 5 | 8 | throttled | 3 | 6 |

            - `sessions_listed` = 2, `centers_listed` = 2, `centers_with_open_slots` = 2.
            - `peak_open_capacity` = 10 + 8 = **18**: the most each session showed at once, added up. A
              lower bound: slots released and booked between two sweeps are never seen.
            - `capacity_released_est` = session 1: 0 + 10 = 10; session 2: 5 (first seen) + 3 (5→8) + 3
              (3→6) = 11; total **21**. `capacity_booked_est` = session 1: 6 (10→4) + 4 (4→0) = 10;
              session 2: 5 (8→3); total **15**. The throttled sweep is skipped: 10→4 is compared directly.
            - `sweeps_with_data` = **4**, `sweeps_without_data` = **1** (the throttled one).
            - `open_share_pct` = sweeps with data in which at least one slot was open, over sweeps with
              data: all 4 had one open (10:00 through session 2) = **100.0**. The throttled sweep counts
              neither as open nor as "no slots".
            - `booked_out_share_pct` = sessions seen at zero on or before their day: session 1 = 1 of 2 =
              **50.0**. (Session 1 was also at 0 at 10:00, before release: that counts too.)
            - Time to book, session 1: first seen open 10:15, last seen open 10:45, first seen at zero
              11:00, and the last sweep before it was first seen open is 10:00. The slots lasted at least
              10:45 − 10:15 = **30** minutes (`time_to_book_min_lower_median`) and at most 11:00 − 10:00 =
              **60** minutes (`time_to_book_min_upper_median`). With several such sessions, each bound is
              the median over them. Never quote one exact minute: the truth is somewhere in between.
            - `open_capacity_per_100k` = 18 / 200,000 × 100,000 = **9.00**.
            - `dose1_capacity_share_pct`: if session 1's largest counts were 8 first-dose and 2 second-dose
              slots, 8 / (8 + 2) = **80.0**. Empty before Co-WIN sent the dose split (15 May 2021).
            - `free_capacity_share_pct`: if center X is Free and center Y Paid, 10 / 18 = **55.6**.

            "No slots" is a row, never a missing one. District B (population 100,000) answered all 5
            sweeps with an empty list (`{"centers":[]}`). A sweep's request for 15 May covers 15 to 21 May,
            so on each of those days B has a row for each age group that was standard then (18-44 and 45+
            in May 2021; `data-schema/age_groups.csv`): `centers_listed`, `sessions_listed`,
            `peak_open_capacity` and the estimates **0**, `sweeps_with_data` **5**, `open_share_pct`
            **0.0**, `open_capacity_per_100k` **0.00**, and `booked_out_share_pct`, time to book and the
            dose and fee shares empty (there is no session to measure). District A gets a 45+ row of zeros
            the same way. A district that was throttled or failed in every sweep gets no such row: that is
            no data, not "no slots". An empty `open_capacity_per_100k` says why in `per_100k_missing_reason`:
            `not_in_crosswalk`, `no_population` or `unit_without_data`.

            In `crawl_coverage.csv`, `crawl_coverage_pct` = districts read (ok or empty) / districts tried;
            "empty" means Co-WIN answered with nothing listed (no slots), while "throttled" and "failed"
            mean we do not know (no data). In `hourly_availability.csv` a row shows what the latest sweep of
            that hour saw; in `slot_release_hours.csv` new slots are counted in the hour of the sweep that
            first saw them. Column-by-column definitions are in `dictionary.csv`.

            ## Caveats

            - **Snapshot resolution.** Numbers are only as fine as the sweeps: a slot released and booked
              between two sweeps is never seen, so capacities are lower bounds and time to book is an interval.
            - **The API's cache.** Co-WIN's public API served cached answers up to 30 minutes old. Each
              response's time is the server's Date minus its Age header (`as_of`), not the time we fetched it.
            - **No data is not "no slots".** A district the API refused (HTTP 403 from CloudFront) or that
              failed is counted in `sweeps_without_data` and left out of `open_share_pct`.
            - **Co-WIN districts are not census districts.** Co-WIN lists city corporations and health units
              (e.g. BBMP inside Bengaluru Urban, Jaipur I and II). Per-capita figures use the census
              district's population once, for all its Co-WIN units together: such units show the same
              `open_capacity_per_100k`. Populations are mostly Census 2011; a district without one has an
              empty per-capita cell, and `per_100k_missing_reason` says why (`no_population`; or
              `not_in_crosswalk`, or `unit_without_data` when a unit of the census district had no data).
            - **Sessions and age groups.** Age groups follow Co-WIN's fields by a published rule table
              (data-schema/age_groups.csv); the rules changed in July 2021. The dose split appears from 15 May 2021.
            - **Fractional capacities are floored.** Co-WIN sometimes sent a capacity with a fraction
              (`62.5`, `0.7000000000000028`) or below zero. Such a session is kept, not rejected: its
              capacity columns hold the floor of the value sent (0 for a negative one), since half a slot
              cannot be booked; `sessions.is_capacity_rounded` marks a floored one and
              `sessions.capacity_as_sent` keeps every changed value as sent. A capacity sum is at
              most 1 lower per rounded field than the sum of the values sent, and a session sent with less than 1 counts as not open. {rounding}
            - **One day's numbers can grow.** A later sweep can still list more sessions for a day; a pack
              for a day is final only once sweeps past that day are included.

            ## Coverage of the crawl

            {coverage}

            ## Source and license

            Co-WIN public availability API (cdn-api.co-vin.in, Ministry of Health and Family Welfare,
            Government of India): public, non-personal data; no login, token or personal data was used.
            Populations and the district crosswalk: covid19india.org (CC BY 4.0) via incovid19/data-staging,
            with provenance in notebooks-sql/reference/SOURCES.md of the vaxslots repository. The pack is
            licensed CC BY 4.0 (the terms of its sources, no more: see `datapackage.json`). Cite as:
            "vaxslots report pack {release}, from Co-WIN public API snapshots". The raw responses behind
            every number are kept as WARC files; `manifest.json` names them with their sha256.

            ## Reproduce

            With the data root holding `raw/` (the WARC files named in `manifest.json`):

            ```
            scripts/vaxslots normalize --data-root DATA
            scripts/vaxslots report --data-root DATA{options}
            ```

            The CSVs come out byte for byte the same (only `manifest.json`'s `generated_at` differs). Every
            number is computed by the SQL in the repository's `notebooks-sql/` (listed in order in
            `notebooks-sql/index.txt`); it runs unchanged in a DuckDB shell started in the data root after
            `SET file_search_path = '.,/path/to/vaxslots/notebooks-sql';` and, for a range,
            `SET VARIABLE report_from = DATE 'YYYY-MM-DD'; SET VARIABLE report_to = DATE 'YYYY-MM-DD';`.
            Check a file against the manifest with `sha256sum FILE`.
            """;
}
