package org.vaxslots.report;

import java.util.List;

/**
 * The first screen of the pack page in plain words: where slots were scarcest per capita for the
 * youngest adult group, how the age groups compare, how many districts read on the busiest day
 * showed no slot at all, and how much of the district list the crawl read, with its rejects.
 */
final class PackPageSummary {
    private PackPageSummary() {}

    static void findings(StringBuilder h, PackPageFindings f) {
        h.append("<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Key findings</h2>\n<ul class=\"findings\">\n");
        String focus = f.focusAgeGroup();
        List<PackPageFindings.Scarce> scarce = focus == null ? List.of() : f.scarcest(focus);
        h.append("<li><strong>Where slots were scarcest");
        if (scarce.isEmpty()) {
            h.append(":</strong> no district has a per-capita figure in this range (no population, or no data;"
                    + " <code>per_100k_missing_reason</code> in <a href=\"district_daily_coverage.csv\">district_daily_coverage.csv</a> says why).</li>\n");
        } else {
            PackPageFindings.Scarce first = scarce.get(0);
            List<PackPageFindings.Scarce> tied = scarce.stream()
                    .filter(x -> x.openCapacityPer100k().equals(first.openCapacityPer100k())).toList();
            h.append(" for ").append(PackPage.esc(focus)).append(":</strong> ");
            if (tied.size() == 1) {
                h.append(district(first));
            } else {
                h.append(tied.size()).append(tied.size() == scarce.size() ? " or more" : "").append(" districts tied, ")
                        .append(String.join(", ", tied.stream().map(PackPageSummary::district).toList()));
            }
            h.append(", with ").append(PackPage.esc(first.openCapacityPer100k())).append(" open slots per 100,000 residents a day (mean over ")
                    .append(days(first.days())).append("). The ").append(scarce.size() == 1 ? "only district" : scarce.size() + " lowest")
                    .append(" with a per-capita figure:</li>\n</ul>\n");
            scarceTable(h, scarce);
            h.append("<ul class=\"findings\">\n");
        }
        forWhom(h, f.ageGroups());
        busiestDay(h, f.busiestDay());
        coverage(h, f.coverage());
        h.append("</ul>\n<p class=\"note\">Open slots are what Co-WIN showed as still bookable when a sweep read it: a lower bound,"
                + " since slots released and booked between two sweeps are never seen. A district not read is no data, never"
                + " \u201cno slots\u201d. Definitions and a worked example are below.</p>\n</section>\n");
    }

    private static void scarceTable(StringBuilder h, List<PackPageFindings.Scarce> scarce) {
        h.append("<table class=\"scarce\">\n<thead><tr><th scope=\"col\">rank</th><th scope=\"col\">district</th>"
                + "<th scope=\"col\">state</th><th scope=\"col\">open slots per 100,000 a day</th><th scope=\"col\">days</th>"
                + "<th scope=\"col\">peak open slots, summed</th></tr></thead>\n<tbody>\n");
        for (PackPageFindings.Scarce s : scarce) {
            h.append("<tr><td class=\"num\">").append(s.rank()).append("</td><td>").append(PackPage.name(s.districtName()))
                    .append(" (").append(s.districtId()).append(")</td><td>").append(PackPage.name(s.stateName()))
                    .append("</td><td class=\"num\">").append(PackPage.esc(s.openCapacityPer100k())).append("</td><td class=\"num\">")
                    .append(s.days()).append("</td><td class=\"num\">").append(PackPage.n(s.peakOpenCapacity())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void forWhom(StringBuilder h, List<PackPageFindings.AgeGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        h.append("<li><strong>For whom:</strong> ");
        String sep = "";
        for (PackPageFindings.AgeGroup g : groups) {
            h.append(sep).append(PackPage.esc(g.ageGroup())).append(": ");
            if (g.medianOpenCapacityPer100k() != null) {
                h.append("median district ").append(PackPage.esc(g.medianOpenCapacityPer100k())).append(" open slots per 100,000 a day (")
                        .append(PackPage.n(g.districtsWithPer100k())).append(g.districtsWithPer100k() == 1 ? " district" : " districts")
                        .append(" with a figure), ");
            }
            h.append(PackPage.n(g.districtDaysWithoutOpenSlots())).append(" of ").append(PackPage.n(g.districtDays()))
                    .append(" district-days read with no open slot at all");
            sep = "; ";
        }
        h.append(".</li>\n");
    }

    private static void busiestDay(StringBuilder h, PackPageFindings.BusiestDay b) {
        h.append("<li><strong>The busiest day:</strong> ");
        if (b == null) {
            h.append("no session was listed in this range.</li>\n");
            return;
        }
        h.append(PackPage.esc(b.sessionDate())).append(" (").append(PackPage.n(b.sessionsListed()))
                .append(" sessions listed, the most of any day): ").append(PackPage.n(b.districtsWithoutOpenSlots())).append(" of the ")
                .append(PackPage.n(b.districtsRead())).append(" districts read showed no open slot for any age group");
        if (b.districtsWithoutData() > 0) {
            h.append("; ").append(PackPage.n(b.districtsWithoutData())).append(b.districtsWithoutData() == 1 ? " district was" : " districts were")
                    .append(" tried but never read for that day (no data)");
        }
        h.append(".</li>\n");
    }

    private static void coverage(StringBuilder h, PackPageFindings.Coverage c) {
        h.append("<li><strong>How sure we are:</strong> ").append(PackPage.n(c.sweeps())).append(c.sweeps() == 1 ? " sweep" : " sweeps");
        if (c.sweepsWithDistricts() > 0) {
            h.append("; each read a median of ").append(PackPage.esc(c.medianCrawlCoveragePct())).append("% of the districts it tried (lowest ")
                    .append(PackPage.esc(c.minCrawlCoveragePct())).append("%). Together they read ").append(PackPage.n(c.districtsRead()))
                    .append(" of the ").append(PackPage.n(c.districtsListed())).append(" districts on the district list of the day (asked for ")
                    .append(PackPage.n(c.districtsAsked())).append("); ").append(PackPage.n(c.districtFetchesWithoutData()))
                    .append(" district fetches got no data (throttled or failed)");
        } else {
            h.append("; none fetched districts by id, so crawl coverage cannot be stated");
        }
        h.append(". Could not be read: ").append(PackPage.n(c.rejectedResponses())).append(c.rejectedResponses() == 1 ? " response" : " responses")
                .append(" and ").append(PackPage.n(c.rejectedRecords())).append(c.rejectedRecords() == 1 ? " record" : " records")
                .append(" (<a href=\"rejects_summary.csv\">rejects_summary.csv</a>; per sweep in <a href=\"crawl_coverage.csv\">crawl_coverage.csv</a>).</li>\n");
    }

    private static String district(PackPageFindings.Scarce s) {
        return PackPage.name(s.districtName()) + " (" + PackPage.name(s.stateName()) + ")";
    }

    private static String days(long days) {
        return days == 1 ? "1 session day" : days + " session days";
    }
}
