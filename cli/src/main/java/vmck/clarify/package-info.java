/**
 * Spec clarification: the scenarios that tell two profiles apart, the register rows they belong
 * to, and an implementation's fingerprint against the known profiles.
 *
 * <h2>For the CLI</h2>
 * <ul>
 *   <li>{@code vmck diff A B [--report DIR]}: {@link vmck.clarify.ProfileDiff#diff(vmck.spec.Profile,
 *       vmck.spec.Profile, vmck.spec.Geometry)} (default seed and count, deterministic; overloads take a
 *       seed, a scenario count and a time budget), then {@link vmck.clarify.ProfileDiff.DiffResult#render()}
 *       for the Markdown. {@link vmck.clarify.ProfileDiff.DiffResult#unregistered()} lists groups no
 *       register row names (never non-empty for the known profiles: a test enforces it).
 *       {@link vmck.clarify.DiffDocs#CHECKED_IN} lists the geometry each checked-in doc uses.</li>
 *   <li>{@code vmck fingerprint --adapter ADAPTER}: {@link vmck.clarify.Fingerprint#run(vmck.scenario.Executor)}
 *       (every known profile) or {@code run(executor, profiles)}; print
 *       {@link vmck.clarify.Fingerprint.FingerprintResult#render()}, whose last line is
 *       {@code best match: NAME}; an {@link vmck.scenario.AdapterFailure} propagates (exit 3).</li>
 * </ul>
 *
 * <h2>Grouping rule</h2>
 * A difference is grouped by the clause where the two profiles first decide differently
 * ({@link vmck.clarify.Divergence#clause}); its register rows are the rows naming that clause that
 * belong to a trait in which the two profiles differ ({@link vmck.clarify.Divergence#rows}).
 */
package vmck.clarify;
