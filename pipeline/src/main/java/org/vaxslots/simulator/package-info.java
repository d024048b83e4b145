/**
 * A Co-WIN-compatible HTTP server for demos, tests and benchmarks, since the real API answered
 * only Indian addresses and its 2021 data is gone.
 *
 * <p>Entry points: {@link org.vaxslots.simulator.SimulatorConfig} (with
 * {@link org.vaxslots.simulator.RateLimit} and {@link org.vaxslots.simulator.Faults}) and
 * {@link org.vaxslots.simulator.SimulatorServer}. Request path, in order:
 * <ol>
 *   <li>{@code RequestHandler}: User-Agent block and {@code SlidingWindowLimiter} (CloudFront 403
 *       pages from {@code CloudFrontPages}), 401 on protected paths, {@code FaultPlan} draws,
 *       {@code ResponseCache} (Age, weak ETag, 304), {@code SchemaDrift};</li>
 *   <li>origin: {@code ReplayStore} recordings, else {@code ApiRouter} →
 *       {@code SupplyModel} (centers from {@code CenterFactory}, geography from {@code Geography})
 *       → {@code ResponseBodies} in the shape of the requested date's {@code Era}.</li>
 * </ol>
 * Everything random-looking is a pure function of the seed ({@code Mix}), so the same seed and
 * simulated instant give byte-identical bodies. Data provenance: SOURCES.md in the resources;
 * measured throughput and deliberate differences from the real API: BENCHMARK.md there.
 */
package org.vaxslots.simulator;
