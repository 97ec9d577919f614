package vmck.conformance;

import vmck.spec.Clause;

/**
 * How strongly the scenario generator leans towards the inputs one clause is about. The general
 * differential property uses {@link #BALANCED}; each per-clause property leans towards its clause
 * so every clause is put to the test within a small budget.
 *
 * @param unaligned   weight of unaligned vm_copy arguments
 * @param countZero   weight of count 0
 * @param extreme     weight of huge counts and addresses at the edges of the address space
 * @param deadTask    weight of a vm_copy on a dead task
 * @param protections how many vm_protect calls shape the layout (0..)
 * @param holes       weight of leaving gaps between allocations
 * @param isolation   weight of writes into copied ranges after a copy
 * @param largeWindow weight of a large window (against 12 for the small one): bugs that need large counts
 */
public record Focus(int unaligned, int countZero, int extreme, int deadTask, int protections, int holes, int isolation,
                    int largeWindow) {

    public static final Focus BALANCED = new Focus(2, 1, 2, 1, 3, 2, 2, 1);
    /** Long runs: mostly copies that succeed, so state builds up over dozens of calls. */
    public static final Focus LONG_RUN = new Focus(0, 0, 0, 0, 1, 1, 2, 0);

    /** The focus for a per-clause property. */
    public static Focus on(Clause clause) {
        return switch (clause) {
            case VMC_TASK_1 -> new Focus(1, 1, 1, 12, 2, 1, 1, 0);
            case VMC_ALIGN_1, VMC_ALIGN_2, VMC_ALIGN_3, VMC_ORDER_3 -> new Focus(12, 2, 1, 0, 4, 4, 1, 0);
            case VMC_ZERO_1, VMC_ORDER_4 -> new Focus(6, 12, 2, 0, 2, 2, 1, 0);
            case VMC_RANGE_1, VMC_RANGE_2, VMC_RANGE_3, VMC_RANGE_4 -> new Focus(1, 1, 12, 0, 3, 2, 1, 1);
            case VMC_SRC_1, VMC_SRC_2, VMC_SRC_3, VMC_DST_1, VMC_DST_2, VMC_ORDER_1, VMC_ORDER_2, VMC_ATOMIC_1 ->
                    new Focus(1, 1, 1, 0, 8, 6, 1, 4);
            case VMC_COPY_2 -> new Focus(0, 0, 0, 0, 1, 1, 12, 1);
            default -> new Focus(0, 0, 0, 0, 1, 1, 2, 2);
        };
    }
}
