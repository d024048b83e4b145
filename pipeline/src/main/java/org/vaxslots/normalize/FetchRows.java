package org.vaxslots.normalize;

import org.apache.avro.generic.GenericRecord;
import org.vaxslots.model.FetchContext;
import org.vaxslots.parse.ParsedResponse;
import org.vaxslots.raw.ArchivedResponse;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.schema.Table;
import org.vaxslots.schema.TableRows;

/** The fetches row of one archived response. */
final class FetchRows {
    private FetchRows() {}

    static GenericRecord fetch(FetchContexts.Fetch fetch, ArchivedResponse response, String outcome,
            ParsedResponse parsed, String bodySha256) {
        FetchContext ctx = fetch.context();
        GenericRecord r = TableRows.empty(Table.FETCHES);
        r.put("sweep_id", ctx.sweepId());
        r.put("fetch_id", ctx.fetchId());
        r.put("endpoint", ctx.endpoint().apiName());
        r.put("state_id", ctx.stateId());
        r.put("district_id", ctx.districtId());
        r.put("pincode", ctx.pincode());
        r.put("center_id", ctx.centerId());
        r.put("request_date", TableRows.date(ctx.requestDate()));
        r.put("target_uri", response.targetUri() == null ? "" : response.targetUri().toString());
        r.put("http_status", response.httpStatus());
        r.put("outcome", outcome);
        r.put("fetched_at", TableRows.timestamp(response.warcDate()));
        r.put("server_date_at", TableRows.timestamp(fetch.serverDate()));
        r.put("age_seconds", fetch.ageSeconds());
        r.put("etag", response.etag());
        r.put("as_of_at", TableRows.timestamp(ctx.asOfAt()));
        r.put("as_of_source", fetch.asOfSource());
        r.put("body_bytes", (long) response.body().length);
        r.put("body_sha256", bodySha256);
        r.put("centers_count", parsed == null ? 0 : parsed.centers().size());
        r.put("sessions_count", parsed == null ? 0 : parsed.sessions().size());
        r.put("rejects_count", parsed == null ? 0 : parsed.problems().size());
        r.put("raw_file", response.rawFile());
        r.put("raw_offset", response.offset());
        r.put("source_file", response.field(RawHeaders.SOURCE_FILE));
        r.put("git_commit", response.field(RawHeaders.GIT_COMMIT));
        return TableRows.checked(r);
    }
}
