package org.vaxslots.parse;

import java.util.List;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.model.SessionRow;

/**
 * Everything one response body yielded. When the body as a whole is unusable, {@code bodyValid}
 * is false, no rows are returned and {@code problems} holds one entry for "$". {@code listedCount}
 * counts the elements of a states or districts answer, {@code districts} holds those of a
 * districts answer that have a district_id (the others are in {@code problems}).
 */
public record ParsedResponse(
        Shape shape,
        boolean bodyValid,
        List<CenterRow> centers,
        List<SessionRow> sessions,
        List<RecordProblem> problems,
        List<SchemaObservation> observations,
        int listedCount,
        List<DistrictRow> districts) {

    /** What the body held. */
    public enum Shape { CENTERS, CENTER_OBJECT, SESSIONS, STATES, DISTRICTS, EMPTY_ARRAY, INVALID }

    /**
     * Normalize's judgment of a 2xx body, {@code fetches.outcome}: {@link FetchOutcome#INVALID_BODY}
     * for a body of unknown shape (not JSON, or JSON with none of centers, sessions, states or
     * districts, such as an API error); {@link FetchOutcome#EMPTY} when it lists nothing and nothing
     * in it was rejected; else {@link FetchOutcome#OK}. The crawler judges the same body only as
     * whole JSON or not (see {@link FetchOutcome}).
     */
    public FetchOutcome outcome() {
        if (!bodyValid) {
            return FetchOutcome.INVALID_BODY;
        }
        boolean nothing = centers.isEmpty() && sessions.isEmpty() && listedCount == 0 && problems.isEmpty();
        return nothing ? FetchOutcome.EMPTY : FetchOutcome.OK;
    }

    static ParsedResponse invalid(RejectReason kind, String reason, String snippet) {
        return new ParsedResponse(Shape.INVALID, false, List.of(), List.of(),
                List.of(new RecordProblem("$", kind, reason, snippet)), List.of(), 0, List.of());
    }
}
