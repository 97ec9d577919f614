package vmck.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.spec.Geometry;

/**
 * The memory states the model still allows after the calls so far, SibylFS style: where a profile
 * allows several outcomes of a vm_copy, each one still possible gives a state of its own, and what
 * is observed later prunes them. Used by the trace checker (outcomes matching the observed code)
 * and by the profile diff (outcomes two profiles share).
 */
public final class AllowedStates {

    /** More states than this means the profile allows too much to follow; see {@link #overflowed()}. */
    public static final int MAX_STATES = 16;

    private List<AddressSpace> states;
    private boolean overflowed;

    /** One state: a fresh, empty task. */
    public AllowedStates(Geometry geometry) {
        this.states = new ArrayList<>(List.of(new AddressSpace(geometry)));
    }

    /** The first allowed state: the one the model's own choices lead to when nothing was pruned. */
    public AddressSpace first() {
        return states.get(0);
    }

    /**
     * True once a copy allowed more states than {@link #MAX_STATES} and some were dropped: from then
     * on, an observation no kept state explains may still be one a dropped state allows, so a
     * caller must stop judging memory rather than report a violation it cannot back.
     */
    public boolean overflowed() {
        return overflowed;
    }

    public List<AddressSpace> all() {
        return Collections.unmodifiableList(states);
    }

    /**
     * Takes every state through {@code copy}: each outcome {@code possible} still allows in a state
     * gives a next state, with the outcome applied when the copy acts on the live task. Returns
     * false, and keeps the states as they were, when no state allows any outcome.
     */
    public boolean copy(ReferenceModel model, Call.VmCopy copy, Function<AddressSpace, List<CopyDecision.Outcome>> possible) {
        List<AddressSpace> next = new ArrayList<>();
        for (AddressSpace state : states) {
            List<CopyDecision.Outcome> outcomes = possible.apply(state);
            for (CopyDecision.Outcome outcome : outcomes) {
                AddressSpace after = outcomes.size() == 1 ? state : state.copy();
                if (copy.task() == Call.LIVE_TASK) {
                    model.applyCopy(after, copy.sourceAddress(), copy.destAddress(), outcome);
                }
                if (next.stream().anyMatch(after::sameAs)) {
                    continue; // outcomes that leave the same memory are one state: a repeated copy adds none
                }
                if (next.size() < MAX_STATES) {
                    next.add(after);
                } else {
                    overflowed = true;
                }
            }
        }
        if (next.isEmpty()) {
            return false;
        }
        states = next;
        return true;
    }

    /** Applies a memory-changing helper call to every state; returns the model's verdict in the first. */
    public ReferenceModel.Verdict helper(ReferenceModel model, Call call) {
        ReferenceModel.Verdict verdict = ModelCalls.applyHelper(model, states.get(0), call);
        for (AddressSpace other : states.subList(1, states.size())) {
            ModelCalls.applyHelper(model, other, call);
        }
        return verdict;
    }

    /** Keeps the states an observation is consistent with; false, keeping them all, when it is consistent with none. */
    public boolean retain(Predicate<AddressSpace> consistent) {
        List<AddressSpace> kept = states.stream().filter(consistent).toList();
        if (kept.isEmpty()) {
            return false;
        }
        states = new ArrayList<>(kept);
        return true;
    }
}
