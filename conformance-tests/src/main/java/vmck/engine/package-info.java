/**
 * A small property-based testing engine in the style of Hypothesis.
 *
 * <p>Every scenario is driven by one recorded sequence of bounded unsigned integers
 * ({@link vmck.engine.ChoiceSequence}). Generators draw from a {@link vmck.engine.Choices};
 * the {@link vmck.engine.PropertyRunner} runs many seeded scenarios, and shrinks a failure by
 * editing the recorded sequence and replaying it, so no generator needs shrinking code of its own.
 *
 * <p>This package knows nothing about Mach or the vm_copy specification.
 */
package vmck.engine;
