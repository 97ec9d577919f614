package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profiles;

/** Determinism: the same operations twice give identical state and results. */
class DeterminismTest {

    private record Run(List<Object> results, AddressSpace space) {
    }

    private static Run run(String profile, long seed) {
        ReferenceVm vm = new ReferenceVm(Profiles.byName(profile).orElseThrow(), Geometry.I386);
        long task = vm.taskCreate().task();
        Random random = new Random(seed);
        List<Object> results = new ArrayList<>();
        long base = 0x10_0000L;
        for (int i = 0; i < 400; i++) {
            long a = base + random.nextInt(64) * 4096L + (random.nextInt(8) == 0 ? random.nextInt(4096) : 0);
            long b = base + random.nextInt(64) * 4096L;
            long n = random.nextInt(8) * 4096L + (random.nextInt(8) == 0 ? 1 : 0);
            switch (random.nextInt(6)) {
                case 0 -> results.add(vm.vmAllocate(task, a, n, random.nextBoolean()));
                case 1 -> results.add(vm.vmDeallocate(task, a, n / 2));
                case 2 -> results.add(vm.vmProtect(task, a, n, random.nextInt(4) == 0, random.nextInt(8)));
                case 3 -> results.add(vm.vmWrite(task, b, Fx.pattern(random.nextLong(), (int) (n & ~4095L))));
                case 4 -> {
                    MachVm.ReadResult r = vm.vmRead(task, a, n);
                    results.add(r.kr());
                    results.add(r.data() == null ? null : java.util.Arrays.hashCode(r.data()));
                }
                default -> {
                    results.add(vm.vmCopy(task, a, n, b));
                    results.add(vm.model().decideCopy(vm.space(task), a, n, b).toString());
                }
            }
        }
        results.add(vm.vmRegion(task, 0));
        return new Run(results, vm.space(task));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mach3", "gnumach"})
    void sameOperationsSameStateAndResults(String profile) {
        for (long seed : new long[] {1, 2, 3, 42, 1234567}) {
            Run first = run(profile, seed);
            Run second = run(profile, seed);
            assertThat(second.results()).isEqualTo(first.results());
            assertThat(second.space().sameAs(first.space())).isTrue();
            assertThat(second.space().toString()).isEqualTo(first.space().toString());
            assertThat(first.space().copy().sameAs(first.space())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mach3", "gnumach"})
    void differentOperationsAreToldApart(String profile) {
        Fx one = Fx.of(profile).alloc(0, 2).fill(0, 1);
        Fx two = Fx.of(profile).alloc(0, 2).fill(0, 1);
        assertThat(one.space().sameAs(two.space())).isTrue();
        assertThat(two.vm.vmWrite(two.task, two.page(0), Fx.pattern(5, 4096))).isZero();
        assertThat(one.space().sameAs(two.space())).isFalse();
        Fx three = Fx.of(profile).alloc(0, 2).fill(1, 1);
        assertThat(one.space().sameAs(three.space())).isFalse();
        Fx four = Fx.of(profile).alloc(0, 2).fill(0, 1).protect(1, 1, 1);
        assertThat(one.space().sameAs(four.space())).isFalse();
        assertThat(four.space().toString()).contains("1/7").contains("data pages");
    }
}
