package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profile.Bounds;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;

/** Test fixture: one task of a ReferenceVm, addressed in pages from a base well inside the user range. */
final class Fx {
    static final int OK = 0;
    static final int INVALID_ADDRESS = 1;
    static final int PROTECTION_FAILURE = 2;
    static final int NO_SPACE = 3;
    static final int INVALID_ARGUMENT = 4;
    static final int RESOURCE_SHORTAGE = 6;
    static final int SEND_INVALID_DEST = 0x10000003;

    /** 8 KiB pages in a 32-bit task. */
    static final Geometry I386_8K = new Geometry(8192, 32, 0L, 0xC000_0000L);
    /** 8 KiB pages in a 64-bit task. */
    static final Geometry SPARC64_8K = new Geometry(8192, 64, 0x2000L, 0x0000_8000_0000_0000L);
    /** A 32-bit task whose user range reaches 2^32. */
    static final Geometry FULL32 = new Geometry(4096, 32, 0x1000L, 1L << 32);
    static final List<Geometry> GEOMETRIES = List.of(Geometry.I386, I386_8K, Geometry.X86_64, SPARC64_8K, Geometry.ARM64);

    /**
     * An XNU-like profile written for the tests: unaligned copies accepted, source max protection
     * consulted, small copies buffered (protection problems reported as invalid addresses, partial writes).
     */
    static final Profile XNU_LIKE = Profile.builder("xnu-like")
            .checkOrder(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION)
            .invalidTaskResults(Set.of(SEND_INVALID_DEST)).sourceNeedsMaxRead(true).bufferedCopyLimit(2 * 4096).build();
    /** Like XNU_LIKE but never buffered: atomic, byte-exact unaligned copies. */
    static final Profile UNALIGNED = Profile.builder("unaligned")
            .checkOrder(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION)
            .invalidTaskResults(Set.of(INVALID_ARGUMENT)).build();

    final Profile profile;
    final Geometry geometry;
    final ReferenceVm vm;
    final long task;
    final long ps;
    final long base;

    Fx(Profile profile, Geometry geometry) {
        this.profile = profile;
        this.geometry = geometry;
        this.vm = new ReferenceVm(profile, geometry);
        MachVm.TaskResult created = vm.taskCreate();
        assertThat(created.kr()).isZero();
        this.task = created.task();
        this.ps = geometry.pageSize();
        this.base = geometry.minAddress() + 256 * ps;
    }

    static Fx mach3() {
        return new Fx(Profiles.MACH3, Geometry.I386);
    }

    static Fx gnumach() {
        return new Fx(Profiles.GNUMACH, Geometry.I386);
    }

    static Fx of(String profile) {
        return new Fx(Profiles.byName(profile).orElseThrow(), Geometry.I386);
    }

    /** Address of page {@code n} counted from the base. */
    long page(long n) {
        return base + n * ps;
    }

    Fx alloc(long firstPage, long pages) {
        MachVm.AllocateResult r = vm.vmAllocate(task, page(firstPage), pages * ps, false);
        assertThat(r.kr()).as("vm_allocate").isZero();
        assertThat(r.address()).isEqualTo(page(firstPage));
        return this;
    }

    Fx protect(long firstPage, long pages, int protection) {
        assertThat(vm.vmProtect(task, page(firstPage), pages * ps, false, protection)).as("vm_protect").isZero();
        return this;
    }

    /** Writes a distinct pseudo-random pattern into each page. */
    Fx fill(long firstPage, long pages) {
        for (long p = firstPage; p < firstPage + pages; p++) {
            assertThat(vm.vmWrite(task, page(p), pattern(page(p), (int) ps))).as("vm_write").isZero();
        }
        return this;
    }

    static byte[] pattern(long seed, int length) {
        byte[] data = new byte[length];
        new Random(seed * 0x9E3779B97F4A7C15L + 17).nextBytes(data);
        return data;
    }

    AddressSpace space() {
        return vm.space(task);
    }

    CopyDecision decide(long src, long count, long dst) {
        return vm.model().decideCopy(space(), src, count, dst);
    }

    byte[] bytes(long address, long length) {
        return space().bytes(address, (int) length);
    }

    byte[] read(long address, long length) {
        MachVm.ReadResult r = vm.vmRead(task, address, length);
        assertThat(r.kr()).as("vm_read").isZero();
        assertThat(r.data()).hasSize((int) length);
        return r.data();
    }

    /**
     * Decides and performs vm_copy, asserting the exact code and deciding clause, that the model
     * accepts its own answer, and the bytes: exactly copied on success, nothing changed otherwise.
     */
    CopyDecision expectCopy(long src, long count, long dst, int kr, Clause clause) {
        AddressSpace before = space().copy();
        CopyDecision decision = decide(src, count, dst);
        assertThat(decision.outcomes().get(0).kr()).as("kr of %s", decision).isEqualTo(kr);
        assertThat(decision.decidedBy()).as("clause of %s", decision).isEqualTo(clause);
        int observed = vm.vmCopy(task, src, count, dst);
        assertThat(observed).isEqualTo(kr);
        assertThat(decision.blame(observed)).isNull();
        if (kr != OK || count == 0) {
            assertThat(space().sameAs(before)).as("nothing changed").isTrue();
        } else if (Long.compareUnsigned(count, 1 << 20) <= 0) {
            assertThat(bytes(dst, count)).isEqualTo(before.bytes(src, (int) count));
            MachVm.ReadResult viaRead = vm.vmRead(task, dst, count);
            if (viaRead.kr() == OK) {
                assertThat(viaRead.data()).isEqualTo(before.bytes(src, (int) count));
            }
        }
        assertThat(space().runs()).containsExactlyElementsOf(before.runs());
        return decision;
    }
}
