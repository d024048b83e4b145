package org.vaxslots.parse;

import java.util.List;
import org.vaxslots.model.CenterRow;
import org.vaxslots.model.DistrictRow;
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

    static ParsedResponse invalid(RejectReason kind, String reason, String snippet) {
        return new ParsedResponse(Shape.INVALID, false, List.of(), List.of(),
                List.of(new RecordProblem("$", kind, reason, snippet)), List.of(), 0, List.of());
    }
}
