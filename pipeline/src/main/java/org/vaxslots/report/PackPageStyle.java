package org.vaxslots.report;

/** The pack page's inline style sheet: system fonts only (nothing fetched), readable on screen, A4 in print. */
final class PackPageStyle {
    private PackPageStyle() {}

    static final String CSS = """
            :root { color-scheme: light; --ink: #222; --muted: #555; --rule: #ccc; --accent: #2b6cb0; }
            body { margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 3rem; color: var(--ink);
                font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
            h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
            .period { color: var(--muted); margin: 0 0 0.5rem; }
            #findings h2 { margin-top: 0.75rem; }
            .findings { padding-left: 1.2rem; margin: 0.25rem 0; }
            .findings li { margin: 0.2rem 0; }
            .note { color: var(--muted); font-size: 0.9rem; }
            table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
            th, td { border-bottom: 1px solid var(--rule); padding: 0.15rem 0.5rem; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.files code { font-size: 0.75rem; word-break: break-all; }
            figure { margin: 1rem 0; }
            .chart { display: block; max-width: 100%; height: auto; }
            .chart svg { max-width: 100%; height: auto; }
            figcaption, .data { color: var(--muted); font-size: 0.9rem; }
            a { color: var(--accent); }
            code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; }
            @media print {
                @page { size: A4; margin: 15mm; }
                body { max-width: none; padding: 0; font-size: 10.5pt; }
                a { color: inherit; }
                figure, table.scarce, tr { break-inside: avoid; }
                h2, h3 { break-after: avoid; }
                details > summary { list-style: none; }
            }
            """;
}
