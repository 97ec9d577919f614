package vmck.report;

import java.util.List;

import vmck.conformance.ModelCalls;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profile;

/**
 * The model's memory of a recorded scenario's live task just before one of its calls, for
 * pictures and explanations: helper calls as the model does them, each vm_copy with the first
 * allowed outcome whose code is the one recorded (the checker's first still-possible state).
 */
final class ModelReplay {

    private ModelReplay() {
    }

    /** The live task's memory before {@code calls.get(index)} under {@code profile}. */
    static AddressSpace before(Profile profile, Geometry geometry, List<Call> calls, List<Reply> replies, int index) {
        ReferenceModel model = new ReferenceModel(profile, geometry);
        AddressSpace space = new AddressSpace(geometry);
        for (int i = 0; i < Math.min(index, calls.size()); i++) {
            Call call = calls.get(i);
            if (call.task() != Call.LIVE_TASK || !call.mutates()) {
                continue;
            }
            if (call instanceof Call.VmCopy copy) {
                CopyDecision decision = model.decideCopy(space, copy.sourceAddress(), copy.count(), copy.destAddress());
                Integer recorded = i < replies.size() ? replies.get(i).kr() : null;
                CopyDecision.Outcome outcome = decision.outcomes().stream()
                        .filter(o -> recorded != null && o.kr() == recorded).findFirst()
                        .orElse(decision.outcomes().get(0));
                model.applyCopy(space, copy.sourceAddress(), copy.destAddress(), outcome);
            } else {
                ModelCalls.applyHelper(model, space, call);
            }
        }
        return space;
    }

    /** The index of the vm_copy a failure at {@code index} is about: that call, or the last copy before it; -1 if none. */
    static int focusCopy(List<Call> calls, int index) {
        for (int i = Math.min(index, calls.size() - 1); i >= 0; i--) {
            if (calls.get(i) instanceof Call.VmCopy) {
                return i;
            }
        }
        return -1;
    }
}
