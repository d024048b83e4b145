package org.vaxslots.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in the order the real stack applied it: CloudFront's User-Agent block and
 * rate limit, the 401 on protected paths, injected faults, the CDN cache (Age, weak ETag, 304),
 * then the origin (replay recordings or the supply model).
 */
final class RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    static final String STATS_PATH = "/__simulator/stats";

    private final SimulatorConfig config;
    private final SimClock clock;
    private final Stats stats;
    private final ApiRouter router;
    private final ReplayStore replay;
    private final ResponseCache cache;
    private final SlidingWindowLimiter limiter;
    private final AtomicLong apiRequests = new AtomicLong();

    RequestHandler(SimulatorConfig config, SimClock clock, Stats stats, ApiRouter router, ReplayStore replay) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.router = router;
        this.replay = replay;
        this.cache = new ResponseCache(config.cacheTtl());
        this.limiter = new SlidingWindowLimiter(config.rateLimit(), config.lockout(), clock.wall());
    }

    Reply handle(HttpRequest req) {
        Instant now = clock.now();
        if (req.path().equals(STATS_PATH)) {
            return plain(200, ApiResult.JSON, stats.toJson().getBytes(StandardCharsets.UTF_8), now);
        }
        if (!req.path().startsWith("/api/")) {
            return plain(404, ApiResult.TEXT, "Not Found".getBytes(StandardCharsets.UTF_8), now);
        }
        stats.countRequest(clock.wall().millis());
        long n = apiRequests.getAndIncrement();
        String path = req.path().substring(4);
        String endpoint = ApiRouter.endpointOf(path);
        if (config.requireBrowserUserAgent() && !browserLike(req.header("user-agent"))) {
            stats.countBlockedUserAgent();
            return blocked(endpoint, n, now);
        }
        if (!limiter.admit(req.clientAddress())) {
            stats.countThrottled();
            return blocked(endpoint, n, now);
        }
        if (ApiRouter.isProtected(path)) {
            LOG.info("401 for protected path {} {} from {}", req.method(), req.path(), req.clientAddress());
            stats.countUnauthenticated();
            return answer(endpoint, ApiResult.unauthenticated(endpoint), now);
        }
        if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
            return answer(endpoint, ApiResult.error(405, endpoint, "METHOD", "Method Not Allowed"), now);
        }
        FaultPlan plan = FaultPlan.draw(config.faults(), config.seed(), n);
        Faults.Kind fault = plan.kind();
        if (fault != null) {
            switch (fault) {
                case RESET -> {
                    stats.countFault(fault.spec());
                    return new Reply(0, List.of(), new byte[0], Reply.Transport.RESET, plan.latencyMillis());
                }
                case HTTP500, HTTP502, HTTP503 -> {
                    stats.countFault(fault.spec());
                    int status = fault == Faults.Kind.HTTP500 ? 500 : fault == Faults.Kind.HTTP502 ? 502 : 503;
                    byte[] body = status == 500 ? "Internal Server Error".getBytes(StandardCharsets.UTF_8)
                            : CloudFrontPages.originError(status, CloudFrontPages.requestId(config.seed(), n));
                    stats.countResponse(endpoint, status);
                    return delayed(plain(status, status == 500 ? ApiResult.TEXT : ApiResult.HTML, body, now), plan);
                }
                default -> {
                }
            }
        }
        if (plan.latencyMillis() > 0) {
            stats.countFault("latency");
        }
        String key = req.path() + "?" + req.rawQuery();
        ResponseCache.Lookup lookup = cache.get(key, now, () -> origin(path, endpoint, req.rawQuery(), now));
        ApiResult result = lookup.entry().result();
        List<Reply.Header> headers = baseHeaders(result.contentType(), now);
        if (lookup.hit()) {
            stats.countCacheHit();
            long age = Math.max(0, Duration.between(lookup.entry().generatedAt(), now).getSeconds());
            headers.add(new Reply.Header("Age", Long.toString(age)));
        }
        headers.add(new Reply.Header("X-Cache", lookup.hit() ? "Hit from cloudfront" : "Miss from cloudfront"));
        ReplayStore.Recording rec = replay.find(endpoint, ApiRouter.query(req.rawQuery()));
        if (rec != null) {
            stats.countReplayed();
            headers.add(new Reply.Header("X-Simulator-Replay", rec.file()));
            if (rec.wrapped()) {
                headers.add(new Reply.Header("X-Simulator-Replay-Wrapped", "centers-array"));
            }
        }
        byte[] body = result.body();
        Reply.Transport transport = Reply.Transport.NORMAL;
        if (fault != null && result.status() == 200) {
            byte[] faulted = bodyFault(fault, plan, result, body);
            if (faulted != null) {
                stats.countFault(fault.spec());
                transport = fault == Faults.Kind.TRUNCATED ? Reply.Transport.TRUNCATE : Reply.Transport.NORMAL;
                stats.countResponse(endpoint, 200);
                return new Reply(200, headers, faulted, transport, plan.latencyMillis());
            }
        }
        headers.add(new Reply.Header("ETag", lookup.entry().etag()));
        String inm = req.header("if-none-match");
        if (result.status() == 200 && inm != null && Arrays.asList(inm.split("\\s*,\\s*")).contains(lookup.entry().etag())) {
            stats.countNotModified();
            stats.countResponse(endpoint, 304);
            return new Reply(304, headers, new byte[0], transport, plan.latencyMillis());
        }
        stats.countResponse(endpoint, result.status());
        return new Reply(result.status(), headers, body, transport, plan.latencyMillis());
    }

    /** The faulted body, or null when this fault does not apply to this response. */
    private byte[] bodyFault(Faults.Kind fault, FaultPlan plan, ApiResult result, byte[] body) {
        return switch (fault) {
            case TRUNCATED -> body;
            case INVALID_JSON -> Arrays.copyOf(body, body.length / 2);
            case EMPTY -> result.listKey() == null ? null
                    : ("{\"" + result.listKey() + "\":[]}").getBytes(StandardCharsets.UTF_8);
            case DRIFT -> {
                if (result.listKey() == null) {
                    yield null;
                }
                SchemaDrift.Kind kind = SchemaDrift.kind(plan.draw());
                byte[] drifted = SchemaDrift.apply(body, result.listKey(), kind);
                if (drifted != null) {
                    stats.countFault("drift_" + kind.name().toLowerCase(Locale.ROOT));
                }
                yield drifted;
            }
            default -> null;
        };
    }

    private ApiResult origin(String path, String endpoint, String rawQuery, Instant now) {
        ReplayStore.Recording rec = replay.find(endpoint, ApiRouter.query(rawQuery));
        if (rec != null) {
            return ApiResult.json(endpoint, endpoint.startsWith("calendar") ? "centers" : "sessions", rec.body());
        }
        return router.route(path, rawQuery, now);
    }

    private Reply blocked(String endpoint, long n, Instant now) {
        stats.countResponse(endpoint, 403);
        return plain(403, ApiResult.HTML, CloudFrontPages.blocked(CloudFrontPages.requestId(config.seed(), n)), now);
    }

    private Reply answer(String endpoint, ApiResult r, Instant now) {
        stats.countResponse(endpoint, r.status());
        return plain(r.status(), r.contentType(), r.body(), now);
    }

    private Reply plain(int status, String contentType, byte[] body, Instant now) {
        return new Reply(status, baseHeaders(contentType, now), body, Reply.Transport.NORMAL, 0);
    }

    private static Reply delayed(Reply r, FaultPlan plan) {
        return new Reply(r.status(), r.headers(), r.body(), r.transport(), plan.latencyMillis());
    }

    private static List<Reply.Header> baseHeaders(String contentType, Instant now) {
        List<Reply.Header> h = new ArrayList<>(8);
        h.add(new Reply.Header("Content-Type", contentType));
        h.add(new Reply.Header("Date", HTTP_DATE.format(now)));
        h.add(new Reply.Header("Via", "1.1 simulator.cloudfront.net (CloudFront)"));
        return h;
    }

    /** CloudFront let through what looked like a browser; python-requests, curl and Java defaults were blocked. */
    static boolean browserLike(String userAgent) {
        return userAgent != null && userAgent.startsWith("Mozilla/");
    }
}
