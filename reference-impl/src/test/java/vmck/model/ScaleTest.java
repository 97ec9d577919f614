package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/** Scale: vm_copy of 2^40 bytes costs in proportion to data pages, not bytes. */
class ScaleTest {

    private static final long TERA = 1L << 40;

    @ParameterizedTest
    @ValueSource(strings = {"mach3", "gnumach"})
    void VMC_COPY_1_twoTo40BytesOfFreshMemory(String profile) {
        Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64);
        long src = fx.vm.vmAllocate(fx.task, 0, TERA, true).address();
        long dst = fx.vm.vmAllocate(fx.task, 0, TERA, true).address();
        assertThat(dst - src).isEqualTo(TERA);
        fx.expectCopy(src, TERA, dst, Fx.OK, Clause.VMC_COPY_1);
        assertThat(fx.space().dataPages()).isEmpty();
        assertThat(fx.space().runs()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mach3", "gnumach"})
    void VMC_COPY_1_fewWrittenPagesFarApartLandExactly(String profile) {
        Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64);
        long src = fx.vm.vmAllocate(fx.task, 0, TERA, true).address();
        long dst = fx.vm.vmAllocate(fx.task, 0, TERA + 4096, true).address();
        List<Long> offsets = List.of(0L, 4096L * 12345, TERA / 2 + 4096 * 7, TERA - 4096);
        for (long offset : offsets) {
            assertThat(fx.vm.vmWrite(fx.task, src + offset, Fx.pattern(offset, 4096))).isZero();
        }
        // something already in the destination that the copy must overwrite with zeros
        assertThat(fx.vm.vmWrite(fx.task, dst + 4096 * 99, Fx.pattern(-1, 4096))).isZero();
        // and something just past the destination range that must survive
        assertThat(fx.vm.vmWrite(fx.task, dst + TERA, Fx.pattern(-2, 4096))).isZero();
        fx.expectCopy(src, TERA, dst, Fx.OK, Clause.VMC_COPY_1);
        for (long offset : offsets) {
            assertThat(fx.read(dst + offset, 4096)).isEqualTo(Fx.pattern(offset, 4096));
            assertThat(fx.read(src + offset, 4096)).isEqualTo(Fx.pattern(offset, 4096));
        }
        assertThat(fx.read(dst + 4096 * 99, 4096)).isEqualTo(new byte[4096]);
        assertThat(fx.read(dst + TERA, 4096)).isEqualTo(Fx.pattern(-2, 4096));
        assertThat(fx.read(dst + 4096, 4096)).isEqualTo(new byte[4096]);
        assertThat(fx.space().dataPages()).hasSize(2 * offsets.size() + 1);
        // overlapping huge copy, shifted by one page
        fx.expectCopy(src, TERA - 4096, src + 4096, Fx.OK, Clause.VMC_COPY_1);
        for (long offset : offsets.subList(0, 3)) {
            assertThat(fx.read(src + offset + 4096, 4096)).isEqualTo(Fx.pattern(offset, 4096));
        }
        assertThat(fx.read(src, 4096)).isEqualTo(Fx.pattern(0, 4096));
        assertThat(fx.space().dataPages().size()).isLessThanOrEqualTo(2 * offsets.size() + 5);
    }
}
