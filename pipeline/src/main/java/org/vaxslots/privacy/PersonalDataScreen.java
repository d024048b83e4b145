package org.vaxslots.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vaxslots.model.Endpoint;
import org.vaxslots.snapshot.Allowlist;

/**
 * The one screen for personal data, shared by import (what may enter raw/), normalize (what a
 * rejects snippet may keep) and audit (what is kept or published). A {@link Finding} names the
 * kind of data and where it was seen, never the value, so it can be printed. The kinds are listed
 * in PRIVACY.md ("What import refuses").
 *
 * <p>A body saved gzipped, in UTF-16 or UTF-32, or with a byte-order mark is first turned into
 * the UTF-8 text it holds ({@link BodyEncodings}). A JSON body is read as JSON ({@link JsonScreen}); anything else (text, HTML, a body that
 * is not whole JSON) as text ({@link TextSigns}); a PDF (a certificate or appointment-slip
 * download) is refused whole.
 */
public final class PersonalDataScreen {
    /** What was seen (e.g. "key mobile_number", "JWT") and where (e.g. "$.beneficiaries[0]", "header Authorization"). */
    public record Finding(String kind, String where) {
        public String describe() {
            return kind + (where == null || where.isEmpty() ? "" : " at " + where);
        }
    }

    public static final String PDF_KIND = "PDF document (a certificate or appointment-slip download)";
    public static final String OFF_ALLOWLIST_KIND = "URL off the public allowlist";
    public static final String CREDENTIAL_HEADER_KIND = "credential header";
    public static final String TOKEN_HEADER_KIND = "token header";
    public static final String UNSCREENABLE_KIND = "body that cannot be screened";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "cookie2", "set-cookie2");
    /** The query parameters of the public endpoints; the protected twins' {@code vaccine} is not one. */
    private static final Set<String> PUBLIC_PARAMS = Set.of("district_id", "pincode", "center_id", "date", "lat", "long");
    private static final int PDF_MAGIC_WITHIN = 1024;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("(?<![0-9])1[2-8][0-9]{11}(?![0-9])");

    private PersonalDataScreen() {}

    /** The first sign of personal data in a response body, if any. */
    public static Optional<Finding> body(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = BodyEncodings.asUtf8(raw);
        } catch (BodyEncodings.Unscreenable e) {
            return Optional.of(new Finding(UNSCREENABLE_KIND + " (" + e.getMessage() + ")", "$"));
        }
        if (isPdf(body)) {
            return Optional.of(new Finding(PDF_KIND, "$"));
        }
        if (startsLikeJson(body)) {
            try {
                return JsonScreen.scan(body);
            } catch (IOException notWholeJson) {
                // Read as text below: a truncated or damaged JSON body still shows its keys and values.
            }
        }
        return text(new String(body, StandardCharsets.UTF_8));
    }

    /** The first sign of credentials or personal data in a recorded request (or response headers), if any. */
    public static Optional<Finding> request(String uri, Map<String, List<String>> headers) {
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                Optional<Finding> f = header(h.getKey(), h.getValue());
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return uri == null || uri.isBlank() ? Optional.empty() : url(uri);
    }

    /**
     * The snippet with every value that looks personal replaced by a marker of its kind and
     * length, {@code <kind:length>} (the markers are listed in data-schema/tables/rejects.avsc);
     * otherwise unchanged.
     */
    public static String maskSnippet(String snippet) {
        return TextSigns.mask(snippet);
    }

    /** The first sign in a text of no known structure, placed by its line (1-based). */
    public static Optional<Finding> text(String text) {
        return TextSigns.first(text).map(s -> new Finding(s.kind(), "line " + lineOf(text, s.start())));
    }

    private static Optional<Finding> header(String name, List<String> values) {
        String lower = name.toLowerCase(Locale.ROOT);
        String where = "header " + PersonalKeys.printable(name);
        if (CREDENTIAL_HEADERS.contains(lower)) {
            return Optional.of(new Finding(CREDENTIAL_HEADER_KIND, where));
        }
        String n = PersonalKeys.normalize(lower);
        if (n.contains("token") || n.contains("apikey") || n.contains("secret") || n.contains("password")
                || n.startsWith("xauth")) {
            return Optional.of(new Finding(TOKEN_HEADER_KIND, where));
        }
        for (String v : values == null ? List.<String>of() : values) {
            Optional<TextSigns.Sign> s = TextSigns.first(v);
            if (s.isPresent()) {
                return Optional.of(new Finding(s.get().kind(), where));
            }
        }
        return TextSigns.first(name).map(s -> new Finding(s.kind(), "a header name"));
    }

    /**
     * A URL is public when {@link Allowlist} accepts it under its own base (what precedes
     * {@code /v2/}) and its query has only public parameters with plain values; the path
     * {@code <base>/unknown}, which import gives a file whose endpoint it could not tell, is
     * accepted on the same terms.
     */
    private static Optional<Finding> url(String uri) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of(new Finding(OFF_ALLOWLIST_KIND, "url (not a URL)"));
        }
        if (u.getRawUserInfo() != null) {
            return Optional.of(new Finding("credentials in the URL", "url"));
        }
        String path = u.getPath() == null ? "" : u.getPath();
        String where = "url path " + printablePath(path);
        if (u.getScheme() == null || u.getHost() == null) {
            return Optional.of(new Finding(OFF_ALLOWLIST_KIND, where));
        }
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        boolean unknown = path.endsWith(Endpoint.UNKNOWN.path());
        int v2 = unknown ? path.length() - Endpoint.UNKNOWN.path().length() : path.indexOf("/v2/");
        if (v2 < 0) {
            return Optional.of(new Finding(OFF_ALLOWLIST_KIND, where));
        }
        if (!unknown) {
            try {
                Allowlist.forBase(origin + path.substring(0, v2)).check(u);
            } catch (IllegalArgumentException refused) {
                return Optional.of(new Finding(OFF_ALLOWLIST_KIND, where));
            }
        }
        return query(u.getRawQuery());
    }

    private static Optional<Finding> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            String where = "url parameter " + PersonalKeys.printable(name);
            Optional<TextSigns.Sign> s = TextSigns.first(name + "=" + value);
            if (s.isPresent()) {
                return Optional.of(new Finding(s.get().kind(), where));
            }
            if (!PUBLIC_PARAMS.contains(name)) {
                return Optional.of(new Finding(OFF_ALLOWLIST_KIND, where));
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * The first sign of personal data in the path of an imported file or archive member (it is kept
     * in raw/ and in {@code fetches.source_file}). A 13-digit run that reads as epoch milliseconds
     * of 2008–2030, a scraper's time stamp ({@code 1619699400000.json}), is a time there, not a
     * beneficiary id.
     */
    public static Optional<Finding> sourcePath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        return TextSigns.first(EPOCH_MILLIS.matcher(path).replaceAll("T")).map(s -> new Finding(s.kind(), "file path"));
    }

    /** The path as it may be printed: itself, or {@code <path:N>} when it shows personal data. */
    public static String printableSourcePath(String path) {
        return sourcePath(path).isEmpty() ? path : "<path:" + path.length() + ">";
    }

    private static String printablePath(String path) {
        return path.length() <= 120 && path.matches("[A-Za-z0-9/_.-]*") && TextSigns.first(path).isEmpty()
                ? path : "<path:" + path.length() + ">";
    }

    private static boolean isPdf(byte[] body) {
        int n = Math.min(body.length, PDF_MAGIC_WITHIN) - 5;
        for (int i = 0; i <= n; i++) {
            if (body[i] == '%' && body[i + 1] == 'P' && body[i + 2] == 'D' && body[i + 3] == 'F' && body[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLikeJson(byte[] body) {
        int i = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF ? 3 : 0;
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[' || b == '"';
            }
        }
        return false;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
