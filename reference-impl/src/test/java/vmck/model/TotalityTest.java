package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** Totality: absurd arguments to every call never throw and give a named kern_return_t. */
class TotalityTest {

    private static final long[] ABSURD = {
        0, 1, -1L, Long.MIN_VALUE, Long.MAX_VALUE, -4096L, -16384L, -8192L, 4095, 4096, 4097,
        1L << 32, (1L << 32) - 1, (1L << 32) - 4096, (1L << 32) + 4096, 0xC000_0000L, 1L << 47, (1L << 47) - 4096,
        1L << 40, 0x7FFF_FFFF_F000L, 0xFFFF_FFFF_FFFF_F000L
    };

    private static final Set<Integer> CODES = Set.of(0, 1, 2, 3, 4, 6, KernReturn.MACH_SEND_INVALID_DEST.code());

    private static List<Profile> profiles() {
        return List.of(Profiles.MACH3, Profiles.GNUMACH, Fx.XNU_LIKE, Fx.UNALIGNED);
    }

    @Test
    void everyCallAnswersEveryAbsurdArgument() {
        for (Profile profile : profiles()) {
            for (Geometry geometry : List.of(Geometry.I386, Geometry.X86_64, Geometry.ARM64, Fx.FULL32, Fx.I386_8K)) {
                ReferenceVm vm = new ReferenceVm(profile, geometry);
                long task = vm.taskCreate().task();
                long base = vm.vmAllocate(task, 0, 64L * geometry.pageSize(), true).address();
                vm.vmProtect(task, base + 8L * geometry.pageSize(), geometry.pageSize(), false, 0);
                long[] values = new long[ABSURD.length + 2];
                System.arraycopy(ABSURD, 0, values, 0, ABSURD.length);
                values[ABSURD.length] = base;
                values[ABSURD.length + 1] = base + 3;
                for (long a : values) {
                    for (long b : values) {
                        assertThatCode(() -> {
                            for (long c : values) {
                                assertThat(CODES).contains(vm.vmCopy(task, a, b, c));
                                assertThat(CODES).contains(vm.vmCopy(task + 1, a, b, c));
                            }
                            MachVm.AllocateResult fixed = vm.vmAllocate(task, a, b, false);
                            assertThat(CODES).contains(fixed.kr());
                            if (fixed.kr() == 0 && b != 0) {
                                assertThat(vm.vmDeallocate(task, fixed.address(), b)).isZero();
                            }
                            MachVm.AllocateResult anywhere = vm.vmAllocate(task, a, b, true);
                            assertThat(CODES).contains(anywhere.kr());
                            if (anywhere.kr() == 0 && b != 0) {
                                assertThat(vm.vmDeallocate(task, anywhere.address(), b)).isZero();
                            }
                            assertThat(CODES).contains(vm.vmProtect(task, a, b, false, 1));
                            assertThat(CODES).contains(vm.vmProtect(task, a, b, true, 7));
                            assertThat(CODES).contains(vm.vmProtect(task, a, b, false, (int) b));
                            MachVm.ReadResult read = vm.vmRead(task, a, b);
                            assertThat(CODES).contains(read.kr());
                            assertThat(read.data() != null).isEqualTo(read.kr() == 0);
                            assertThat(CODES).contains(vm.vmRegion(task, a).kr());
                            assertThat(CODES).contains(vm.vmWrite(task, a, new byte[(int) (b & 0x1fff)]));
                        }).as("%s %s a=%x b=%x", profile.name(), geometry, a, b).doesNotThrowAnyException();
                    }
                }
                // deallocation of absurd ranges last: it may empty the task
                for (long a : values) {
                    for (long b : values) {
                        assertThat(CODES).contains(vm.vmDeallocate(task, a, b));
                    }
                }
            }
        }
    }

    @Test
    void decideCopyIsTotalOnNullSpaceAndHugeValues() {
        for (Profile profile : profiles()) {
            for (Geometry geometry : List.of(Geometry.I386, Geometry.X86_64)) {
                ReferenceModel model = new ReferenceModel(profile, geometry);
                assertThat(model.profile()).isEqualTo(profile);
                assertThat(model.geometry()).isEqualTo(geometry);
                AddressSpace space = new AddressSpace(geometry);
                for (long a : ABSURD) {
                    for (long b : ABSURD) {
                        assertThat(model.decideCopy(null, a, b, a).allowedCodes()).isEqualTo(
                                new java.util.TreeSet<>(profile.invalidTaskResults()));
                        CopyDecision d = model.decideCopy(space, a, b, -a);
                        assertThat(d.outcomes()).isNotEmpty();
                        assertThat(CODES).containsAll(d.allowedCodes());
                        assertThat(d.decidedBy()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void aCountOf2To64Minus1NeverCopies() {
        for (Profile profile : profiles()) {
            Fx fx = new Fx(profile, Geometry.X86_64).alloc(0, 4).fill(0, 4);
            AddressSpace before = fx.space().copy();
            assertThat(fx.vm.vmCopy(fx.task, fx.page(0), -1L, fx.page(0))).isNotZero();
            assertThat(fx.vm.vmCopy(fx.task, -fx.ps, -1L, fx.page(0))).isNotZero();
            assertThat(fx.vm.vmCopy(fx.task, Long.MIN_VALUE, Long.MIN_VALUE, 0)).isNotZero();
            assertThat(fx.space().sameAs(before)).isTrue();
        }
    }

    @Test
    void sizesOf2To32AndMoreIn32BitTasks() {
        for (Profile profile : profiles()) {
            Fx fx = new Fx(profile, Geometry.I386).alloc(0, 4);
            for (long size : new long[] {1L << 32, (1L << 32) + 4096, 1L << 40, -4096L}) {
                assertThat(fx.vm.vmCopy(fx.task, fx.page(0), size, fx.page(0))).isEqualTo(Fx.INVALID_ADDRESS);
                assertThat(fx.vm.vmAllocate(fx.task, 0, size, true).kr()).isNotZero();
                assertThat(fx.vm.vmRead(fx.task, fx.page(0), size).kr()).isEqualTo(Fx.INVALID_ADDRESS);
            }
        }
    }
}
