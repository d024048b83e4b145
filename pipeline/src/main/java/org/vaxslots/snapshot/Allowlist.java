package org.vaxslots.snapshot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaxslots.model.Endpoint;

/**
 * The only requests the crawler can make: GETs of the public, non-personal endpoints below one
 * API base. Every URI the crawler sends is checked here, built by {@link Endpoint#uri}, and checked
 * again before it is sent; anything else (auth, certificates, protected appointment paths, another
 * host) is refused before a byte leaves.
 */
public final class Allowlist {
    private static final Pattern PLAIN_VALUE = Pattern.compile("[0-9A-Za-z.\\-]{1,32}");
    private static final Pattern STATE_ID = Pattern.compile("\\d{1,4}");

    private final URI base;

    private Allowlist(URI base) {
        this.base = base;
    }

    /** @throws IllegalArgumentException naming the problem, for a base that is not a plain http(s) URL. */
    public static Allowlist forBase(String source) {
        URI uri;
        try {
            uri = new URI(source.endsWith("/") ? source.substring(0, source.length() - 1) : source);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--source '" + source + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--source '" + source + "' must be http or https, e.g. "
                    + Endpoint.COWIN_BASE);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getHost() == null) {
            throw new IllegalArgumentException("--source '" + source
                    + "' must be a plain API base (no credentials, query or fragment), e.g. " + Endpoint.COWIN_BASE);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.contains("/v2/") || path.contains("auth") || path.contains("..")) {
            throw new IllegalArgumentException("--source '" + source + "' must be the API base, ending before /v2, e.g. "
                    + Endpoint.COWIN_BASE);
        }
        return new Allowlist(uri);
    }

    public URI base() {
        return base;
    }

    /**
     * The URI of a request, built by {@link Endpoint#uri} below the base once its parameters are
     * checked: a districts list needs a numeric state id; every other value must be a plain id or date.
     */
    public URI uri(Endpoint endpoint, Map<String, String> params) {
        if (endpoint == Endpoint.UNKNOWN) {
            throw new IllegalArgumentException("endpoint unknown is not on the allowlist");
        }
        if (endpoint == Endpoint.DISTRICTS) {
            String state = params.get(Endpoint.STATE_ID);
            if (state == null || !STATE_ID.matcher(state).matches()) {
                throw new IllegalArgumentException("districts needs a numeric state_id, got " + state);
            }
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!PLAIN_VALUE.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("parameter " + e.getKey() + "='" + e.getValue() + "' is not a plain id or date");
            }
        }
        URI uri = endpoint.uri(base.toString(), params);
        check(uri);
        return uri;
    }

    /** Refuses any URI that is not one of the allowlisted endpoints under the base. */
    public void check(URI uri) {
        boolean sameOrigin = base.getScheme().equals(uri.getScheme()) && base.getHost().equals(uri.getHost())
                && base.getPort() == uri.getPort();
        String path = uri.getPath();
        String basePath = base.getPath() == null ? "" : base.getPath();
        boolean allowed = sameOrigin && path.startsWith(basePath) && uri.getRawUserInfo() == null
                && java.util.Arrays.stream(Endpoint.values()).filter(e -> e != Endpoint.UNKNOWN)
                .anyMatch(e -> e == Endpoint.DISTRICTS
                        ? path.startsWith(basePath + e.path())
                                && STATE_ID.matcher(path.substring((basePath + e.path()).length())).matches()
                        : path.equals(basePath + e.path()));
        if (!allowed) {
            throw new IllegalArgumentException("refused: " + uri + " is not a public Co-WIN endpoint under " + base);
        }
    }
}
