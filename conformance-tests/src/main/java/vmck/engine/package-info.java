/**
 * A small property-based testing engine in the style of Hypothesis.
 *
 * <p>Every scenario is driven by one recorded sequence of bounded unsigned integers
 * ({@link vmck.engine.ChoiceSequence}). Generators draw from a {@link vmck.engine.Choices};
 * the {@link vmck.engine.PropertyRunner} runs many seeded scenarios, and shrinks a failure by
 * editing the recorded sequence and replaying it, so no generator needs shrinking code of its own.
 *
 * <pre>{@code
 * Generator<List<Op>> ops = Generator.listOf(OP, 0, 100, 50);
 * RunResult<List<Op>> result = new PropertyRunner(RunConfig.defaults().withSeed(42).withMaxScenarios(1000))
 *         .run(ops, (value, choices) -> {
 *             choices.label("length", value.size() > 10 ? "long" : "short");
 *             return model.agreesWith(value) ? Outcome.pass() : Outcome.fail("rule-7", "...");
 *         });
 * result.failure().ifPresent(f -> fail(f.describe()));          // describe() includes the replayable trace
 * assertThat(Coverage.requireShare("length", "long", 0.2).unmet(result.labels())).isEmpty();
 * }</pre>
 *
 * <p>This package depends on nothing but the JDK; in particular it knows nothing about Mach.
 */
package vmck.engine;
