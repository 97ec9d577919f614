package vmck.conformance;

import vmck.model.AddressSpace;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;

/** Applies a scenario's helper calls to the model: the one place a {@link Call} becomes a model operation. */
public final class ModelCalls {

    private ModelCalls() {
    }

    /**
     * Applies a memory-changing helper call (vm_allocate at a fixed address — an anywhere
     * allocation is placed by the model's first fit —, vm_deallocate, vm_protect, vm_write) to
     * {@code state} and returns the model's verdict.
     */
    public static ReferenceModel.Verdict applyHelper(ReferenceModel model, AddressSpace state, Call call) {
        return call.accept(new Call.Otherwise<ReferenceModel.Verdict, RuntimeException>() {
            public ReferenceModel.Verdict allocate(Call.VmAllocate c) {
                ReferenceModel.Allocation allocation = model.allocate(state, c.address(), c.size(), c.anywhere());
                return new ReferenceModel.Verdict(allocation.kr(), allocation.clause());
            }

            public ReferenceModel.Verdict deallocate(Call.VmDeallocate c) {
                return model.deallocate(state, c.address(), c.size());
            }

            public ReferenceModel.Verdict protect(Call.VmProtect c) {
                return model.protect(state, c.address(), c.size(), c.setMaximum(), c.newProtection());
            }

            public ReferenceModel.Verdict write(Call.VmWrite c) {
                return model.write(state, c.address(), c.data());
            }

            protected ReferenceModel.Verdict otherwise(Call other) {
                throw new IllegalArgumentException("not a memory-changing helper call: " + other.describe());
            }
        });
    }
}
