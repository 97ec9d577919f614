package vmck.report;

import java.util.ArrayList;
import java.util.List;

import vmck.conformance.TraceChecker;
import vmck.conformance.Violation;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.Finding;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;

/**
 * {@code vmck explain}: for a failing call, every profile's decision step by step, read off the
 * model's own decision ({@link ReferenceModel#decideCopy}: its findings, each naming the step and
 * the clause, and its allowed outcomes), so a reader sees why one profile accepts what another
 * rejects. The profile-specific reasoning stays in the model; this only lays it out.
 */
public final class Explanation {

    private Explanation() {
    }

    /** The explanation of a saved trace, as plain text. */
    public static String render(TraceFile.Trace trace) {
        String headline = "trace recorded under " + trace.profile() + (trace.implementation().isEmpty() ? "" : " against "
                + trace.implementation()) + ": " + trace.clause().id() + " at call #" + trace.callIndex()
                + (trace.expected().isEmpty() ? "" : ": expected " + trace.expected() + ", observed " + trace.observed());
        return render(trace.geometry(), trace.calls(), trace.replies(), trace.callIndex(), headline);
    }

    /**
     * The explanation of the failure at {@code callIndex} of a recorded scenario. The call
     * explained is that call when it is a vm_copy, else the last vm_copy before it (the call
     * that decided the memory the failing observation read).
     */
    public static String render(Geometry geometry, List<Call> calls, List<Reply> replies, int callIndex, String headline) {
        StringBuilder out = new StringBuilder();
        out.append(headline).append('\n').append('\n');
        for (int i = 0; i < calls.size(); i++) {
            out.append(String.format("  %s%3d  %s%s%n", i == callIndex ? ">" : " ", i, calls.get(i).describe(),
                    i < replies.size() ? "  -> " + KernReturn.describe(replies.get(i).kr()) : ""));
        }
        int focus = ModelReplay.focusCopy(calls, callIndex);
        out.append('\n');
        if (focus < 0) {
            out.append("The scenario has no vm_copy before call #").append(callIndex)
                    .append(": the failure is in a helper call, which every profile decides alike.\n\n");
        } else {
            out.append("Call #").append(focus).append(", ").append(calls.get(focus).describe())
                    .append(focus == callIndex ? "" : ", decided the memory that call #" + callIndex + " observed")
                    .append(". Each profile's decision, step by step in its check order:\n");
        }
        for (Profile profile : Profiles.all()) {
            out.append('\n');
            explainProfile(out, profile, geometry, calls, replies, focus);
        }
        return out.toString();
    }

    private static void explainProfile(StringBuilder out, Profile profile, Geometry geometry, List<Call> calls,
                                       List<Reply> replies, int focus) {
        Violation violation = TraceChecker.check(profile, geometry, calls, replies).violation();
        out.append(profile.name()).append(": ")
                .append(violation == null ? "ACCEPTS the whole trace" : "REJECTS it: " + violation).append('\n');
        if (focus < 0) {
            return;
        }
        Call.VmCopy copy = (Call.VmCopy) calls.get(focus);
        ReferenceModel model = new ReferenceModel(profile, geometry);
        AddressSpace space = copy.task() == Call.LIVE_TASK
                ? ModelReplay.before(profile, geometry, calls, replies, focus) : null;
        CopyDecision decision = model.decideCopy(space, copy.sourceAddress(), copy.count(), copy.destAddress());
        List<Finding> findings = decision.findings();
        Finding decisive = findings.isEmpty() ? null : findings.get(0);
        int number = 1;
        boolean taskFailed = decisive != null && decisive.step() == Check.TASK;
        for (Check step : profile.checkOrder()) {
            List<Finding> found = new ArrayList<>();
            for (Finding finding : findings) {
                if (finding.step() == step) {
                    found.add(finding);
                }
            }
            String name = String.format("  %d. %-12s", number++, step);
            if (taskFailed && step != Check.TASK) {
                out.append(name).append("not reached: nothing is judged without a live task\n");
                continue;
            }
            if (found.isEmpty()) {
                out.append(name).append("passes\n");
                continue;
            }
            for (Finding finding : found) {
                out.append(name).append("finds ").append(finding.clause().id()).append(": ").append(finding.reason())
                        .append(" -> ").append(KernReturn.describe(finding.kr()))
                        .append(finding == decisive ? "   <- decides" : "   (found later: does not decide)").append('\n');
                name = " ".repeat(name.length());
            }
        }
        for (Check step : Check.values()) {
            if (!profile.checkOrder().contains(step)) {
                out.append(String.format("     %-12snot a step of this profile%n", step));
            }
        }
        if (decisive == null) {
            out.append("     every step passes: the copy succeeds\n");
        }
        out.append("  allowed: ");
        List<String> outcomes = new ArrayList<>();
        for (CopyDecision.Outcome outcome : decision.outcomes()) {
            outcomes.add(KernReturn.describe(outcome.kr()) + " by " + outcome.clause().id() + " (" + effect(outcome, copy) + ")");
        }
        out.append(String.join("; or ", outcomes)).append('\n');
        if (focus < replies.size()) {
            int observed = replies.get(focus).kr();
            Clause blamed = decision.blame(observed);
            out.append("  observed: ").append(KernReturn.describe(observed));
            if (blamed == null) {
                out.append(" - allowed").append(violation != null && violation.callIndex() > focus
                        ? "; the trace departs later, at call #" + violation.callIndex() : "").append('\n');
            } else if (blamed != decision.decidedBy()) {
                out.append(" - not allowed: it is what a later step gives, so the order is wrong: ")
                        .append(blamed.id()).append('\n');
            } else {
                out.append(" - not allowed: ").append(blamed.id()).append('\n');
            }
        }
    }

    private static String effect(CopyDecision.Outcome outcome, Call.VmCopy copy) {
        if (outcome.bytesCopied() == 0) {
            return "nothing changes";
        }
        if (outcome.bytesCopied() == copy.count()) {
            return "all " + Geometry.hex(copy.count()) + " bytes copied";
        }
        return "the first " + Geometry.hex(outcome.bytesCopied()) + " bytes may be written";
    }
}
