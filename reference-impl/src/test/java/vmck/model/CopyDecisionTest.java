package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;
import vmck.spec.Profile.Check;
import vmck.spec.VmProt;

/** CopyDecision itself: blame() attributions and the record's invariants. */
class CopyDecisionTest {

    @Test
    void VMC_ORDER_2_blameWithinOneRangeDoesNotThrow() {
        // Regression: precedenceClause built Set.of(step, step) for two findings of the same
        // step, which throws IllegalArgumentException("duplicate element").
        Fx fx = Fx.gnumach().alloc(1, 1).protect(1, 1, VmProt.NONE).alloc(4, 4);
        CopyDecision d = fx.decide(fx.page(0), 2 * fx.ps, fx.page(4));
        assertThat(d.findings()).extracting(Finding::step).containsExactly(Check.SOURCE, Check.SOURCE);
        assertThat(d.blame(Fx.PROTECTION_FAILURE)).isEqualTo(Clause.VMC_ORDER_2);
    }

    @Test
    void VMC_RANGE_2_blameBoundsBeforeWalkDoesNotThrow() {
        Fx fx = new Fx(Fx.UNALIGNED, vmck.spec.Geometry.I386).alloc(0, 2);
        long last = 0xC000_0000L - 4096;
        fx.vm.vmAllocate(fx.task, last, 4096, false);
        fx.vm.vmProtect(fx.task, last, 4096, false, VmProt.NONE);
        CopyDecision d = fx.decide(last, 2 * 4096, fx.page(0));
        assertThat(d.blame(Fx.PROTECTION_FAILURE)).isEqualTo(Clause.VMC_RANGE_2);
    }

    @Test
    void decisionNeedsAnOutcome() {
        assertThatThrownBy(() -> new CopyDecision(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void precedenceFallsBackToTheDecisiveClause() {
        Finding align = new Finding(Check.ALIGNMENT, 4, Clause.VMC_ALIGN_3, 0, "a");
        Finding dst = new Finding(Check.DESTINATION, 2, Clause.VMC_DST_2, 0, "d");
        Finding zero = new Finding(Check.COUNT_ZERO, 0, Clause.VMC_ZERO_1, 0, "z");
        Finding task = new Finding(Check.TASK, 4, Clause.VMC_TASK_1, 0, "t");
        Finding src = new Finding(Check.SOURCE, 1, Clause.VMC_SRC_1, 0, "s");
        assertThat(CopyDecision.precedenceClause(align, dst)).isEqualTo(Clause.VMC_ORDER_3); // ORDER-3: alignment against either range
        assertThat(CopyDecision.precedenceClause(zero, align)).isEqualTo(Clause.VMC_ORDER_4);
        assertThat(CopyDecision.precedenceClause(align, zero)).isEqualTo(Clause.VMC_ORDER_4);
        assertThat(CopyDecision.precedenceClause(src, align)).isEqualTo(Clause.VMC_ORDER_3);
        assertThat(CopyDecision.precedenceClause(src, dst)).isEqualTo(Clause.VMC_ORDER_1);
        assertThat(CopyDecision.precedenceClause(task, src)).isEqualTo(Clause.VMC_TASK_1);
        assertThat(CopyDecision.precedenceClause(zero, dst)).isEqualTo(Clause.VMC_ZERO_1);
        assertThat(CopyDecision.precedenceClause(src, src)).isEqualTo(Clause.VMC_ORDER_2);
        Finding range = new Finding(Check.DESTINATION, 1, Clause.VMC_RANGE_4, 0, "r");
        assertThat(CopyDecision.precedenceClause(range, dst)).isEqualTo(Clause.VMC_RANGE_4);
        Finding wrap = new Finding(Check.SOURCE, 1, Clause.VMC_RANGE_1, 0, "w");
        assertThat(CopyDecision.precedenceClause(wrap, src)).isEqualTo(Clause.VMC_RANGE_1);
        Finding wrapDst = new Finding(Check.DESTINATION, 1, Clause.VMC_RANGE_3, 0, "w");
        assertThat(CopyDecision.precedenceClause(wrapDst, dst)).isEqualTo(Clause.VMC_RANGE_3);
        Finding outSrc = new Finding(Check.SOURCE, 1, Clause.VMC_RANGE_2, 0, "o");
        assertThat(CopyDecision.precedenceClause(outSrc, src)).isEqualTo(Clause.VMC_RANGE_2);
    }

    @Test
    void blameOfAnUnexplainedCodeIsTheDecidingClause() {
        Fx fx = Fx.mach3().alloc(0, 2);
        CopyDecision ok = fx.decide(fx.page(0), fx.ps, fx.page(1));
        assertThat(ok.findings()).isEmpty();
        assertThat(ok.blame(Fx.OK)).isNull();
        assertThat(ok.blame(Fx.INVALID_ADDRESS)).isEqualTo(Clause.VMC_COPY_1);
        CopyDecision hole = fx.decide(fx.page(5), fx.ps, fx.page(1));
        assertThat(hole.blame(5)).isEqualTo(Clause.VMC_SRC_1);
        assertThat(hole.blame(Fx.OK)).isEqualTo(Clause.VMC_SRC_1);
    }

    @Test
    void toStringNamesCodesAndClauses() {
        Fx fx = Fx.mach3();
        assertThat(fx.vm.model().decideCopy(null, 0, 0, 0).toString())
                .isEqualTo("KERN_INVALID_ARGUMENT (4) by VMC-TASK-1 or MACH_SEND_INVALID_DEST (268435459) by VMC-TASK-1");
        assertThat(fx.decide(fx.page(5), fx.ps, fx.page(1)).findings().get(0).toString())
                .startsWith("VMC-SRC-1 source page 0x").endsWith(" is not allocated");
    }
}
