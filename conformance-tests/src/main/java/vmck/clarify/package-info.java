/**
 * Spec clarification: the scenarios that tell two profiles apart ({@link vmck.clarify.ProfileDiff}),
 * the register rows they belong to ({@link vmck.clarify.Divergence}), and an implementation's
 * fingerprint against the known profiles ({@link vmck.clarify.Fingerprint}).
 */
package vmck.clarify;
