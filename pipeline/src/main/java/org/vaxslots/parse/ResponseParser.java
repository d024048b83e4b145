package org.vaxslots.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.CharConversionException;
import java.io.IOException;
import org.vaxslots.model.FetchContext;
import org.vaxslots.model.SchemaObservation;

/**
 * Parses one Co-WIN response body of any known era and shape. The top level is read as a
 * stream; each center or flat session row is read as a small tree. A body that is not whole,
 * valid JSON of a known shape is rejected as a whole, because a partial list of centers would
 * read as "not listed" downstream.
 */
public final class ResponseParser {
    /** Bodies above this size are rejected before parsing (the largest real one is 380 KB). */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final CleanCenters cleanCenters;
    private final AgeGroups ageGroups;
    private final DistrictDirectory districts;

    public ResponseParser(AgeGroups ageGroups, DistrictDirectory districts) {
        // Floats as exact decimals, trailing zeros kept: a fractional capacity is kept as sent.
        this.mapper = new ObjectMapper(factory(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.cleanCenters = new CleanCenters(factory(false), ageGroups, districts);
        this.ageGroups = ageGroups;
        this.districts = districts;
    }

    /** The limits every body is read within; a key sent twice in one object is an error when {@code strict}. */
    static JsonFactory factory(boolean strict) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(64).build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strict)
                .build();
    }

    public static ResponseParser withBundledTables() {
        return new ResponseParser(AgeGroups.load(), DistrictDirectory.load());
    }

    public ParsedResponse parse(FetchContext context, byte[] body) {
        if (body.length == 0) {
            return ParsedResponse.invalid(RejectReason.EMPTY_BODY, "empty body", "");
        }
        if (body.length > MAX_BODY_BYTES) {
            return ParsedResponse.invalid(RejectReason.BODY_TOO_LARGE, "body of " + body.length + " bytes is over the cap of "
                    + MAX_BODY_BYTES, RejectSnippets.body(body, false));
        }
        if (looksLikeHtml(body)) {
            return ParsedResponse.invalid(RejectReason.HTML_BODY, "body is HTML, not JSON (a CloudFront block page?)",
                    RejectSnippets.text(body));
        }
        // Most bodies are calendar answers as Co-WIN sent them, read without a tree; anything else is
        // read by the general path, from the start.
        ParsedResponse clean = cleanCenters.read(context, body);
        return clean != null ? clean : parseTree(context, body);
    }

    /** The general reading of a body that passed the checks above: the top level streamed, each record a tree. */
    ParsedResponse parseTree(FetchContext context, byte[] body) {
        RowCollector rows = new RowCollector(context, ageGroups, districts, new SchemaObserver());
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            ParsedResponse.Shape shape;
            if (first == JsonToken.START_ARRAY) {
                shape = bareArray(p, rows);
            } else if (first == JsonToken.START_OBJECT) {
                shape = object(p, rows);
            } else {
                return ParsedResponse.invalid(RejectReason.UNKNOWN_SHAPE, "body is not a JSON object or array",
                        RejectSnippets.body(body, false));
            }
            // Before the check for trailing content: a bare array of unknown elements stops reading at the first one.
            if (shape == ParsedResponse.Shape.INVALID) {
                return ParsedResponse.invalid(rows.invalidKind(), rows.invalidReason(),
                        RejectSnippets.body(body, false));
            }
            if (p.nextToken() != null) {
                return ParsedResponse.invalid(RejectReason.NOT_JSON, "content after the end of the JSON value",
                        RejectSnippets.body(body, true));
            }
            return rows.result(shape);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset();
            return ParsedResponse.invalid(RejectReason.NOT_JSON, "body is not valid JSON: "
                    + RejectSnippets.parserMessage(e.getOriginalMessage()) + where, RejectSnippets.body(body, true));
        } catch (CharConversionException e) {
            // Jackson guessed UTF-16/32 from the first bytes and the rest does not decode (found by fuzzing).
            return ParsedResponse.invalid(RejectReason.NOT_JSON, "body is not valid JSON: "
                    + RejectSnippets.parserMessage(e.getMessage()), RejectSnippets.body(body, true));
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body failed", e);
        }
    }

    private ParsedResponse.Shape object(JsonParser p, RowCollector rows) throws IOException {
        ParsedResponse.Shape shape = null;
        String errorCode = null;
        String error = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "centers" -> {
                    if (value == JsonToken.START_ARRAY) {
                        shape = ParsedResponse.Shape.CENTERS;
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            rows.calendarCenter(p.readValueAsTree(), "centers[" + i++ + "]");
                        }
                    } else if (value == JsonToken.START_OBJECT) {
                        shape = ParsedResponse.Shape.CENTER_OBJECT;
                        rows.calendarCenter(p.readValueAsTree(), "centers");
                    } else {
                        rows.failWith(RejectReason.UNKNOWN_SHAPE, "centers is neither an array nor an object");
                        p.skipChildren();
                        shape = ParsedResponse.Shape.INVALID;
                    }
                }
                case "sessions" -> {
                    if (value != JsonToken.START_ARRAY) {
                        rows.failWith(RejectReason.UNKNOWN_SHAPE, "sessions is not an array");
                        p.skipChildren();
                        shape = ParsedResponse.Shape.INVALID;
                    } else {
                        shape = ParsedResponse.Shape.SESSIONS;
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            rows.flatSession(p.readValueAsTree(), "sessions[" + i++ + "]");
                        }
                    }
                }
                case "states" -> {
                    shape = ParsedResponse.Shape.STATES;
                    rows.countListed(p);
                }
                case "districts" -> {
                    shape = ParsedResponse.Shape.DISTRICTS;
                    rows.listDistricts(p);
                }
                case "errorCode" -> errorCode = p.getValueAsString();
                case "error" -> error = p.getValueAsString();
                case "ttl" -> p.skipChildren();
                default -> {
                    rows.observe("$." + name, SchemaObservation.UNKNOWN_FIELD, value.name().toLowerCase());
                    p.skipChildren();
                }
            }
        }
        if (shape == null) {
            if (error != null || errorCode != null) {
                rows.failWith(RejectReason.API_ERROR, "API error " + RejectSnippets.codeText(errorCode) + ": "
                        + (error == null ? "null" : RejectSnippets.screened(error, 100)));
            } else {
                rows.failWith(RejectReason.UNKNOWN_SHAPE, "body has no centers, sessions, states or districts");
            }
            return ParsedResponse.Shape.INVALID;
        }
        return shape;
    }

    /** Some archives kept only the array: of centers, or of states or districts. */
    private ParsedResponse.Shape bareArray(JsonParser p, RowCollector rows) throws IOException {
        ParsedResponse.Shape shape = ParsedResponse.Shape.EMPTY_ARRAY;
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = p.readValueAsTree();
            if (shape == ParsedResponse.Shape.EMPTY_ARRAY) {
                shape = element.has("center_id") || element.has("sessions") ? ParsedResponse.Shape.CENTERS
                        : element.has("district_id") ? ParsedResponse.Shape.DISTRICTS
                        : element.has("state_id") ? ParsedResponse.Shape.STATES
                        : ParsedResponse.Shape.INVALID;
            }
            switch (shape) {
                case CENTERS -> rows.calendarCenter(element, "[" + i + "]");
                case STATES -> rows.countOne();
                case DISTRICTS -> rows.listedDistrict(element, "[" + i + "]");
                default -> {
                    rows.failWith(RejectReason.UNKNOWN_SHAPE, "array of elements that are not centers, states or districts");
                    return ParsedResponse.Shape.INVALID;
                }
            }
            i++;
        }
        return shape;
    }

    private static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }
}
