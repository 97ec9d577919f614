package vmck.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.model.ReferenceVm;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * Differential check: the worked example and the reference model, written apart, must answer
 * random call sequences in a small window of the address space identically (codes, bytes read,
 * per-page protections). Seeds are fixed, so a failure is reproducible.
 */
class AgreesWithReferenceModelTest {
    private static final int STEPS = 400;

    static List<Arguments> profilesGeometriesAndSeeds() {
        List<Arguments> cases = new ArrayList<>();
        for (Profile profile : List.of(Profiles.MACH3, Profiles.GNUMACH)) {
            for (Geometry geometry : List.of(Geometry.I386, Geometry.X86_64)) {
                for (long seed = 1; seed <= 10; seed++) {
                    cases.add(Arguments.of(profile.name(), geometry, seed));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("profilesGeometriesAndSeeds")
    void randomCallSequencesGetTheSameAnswers(String profileName, Geometry geometry, long seed) {
        Profile profile = Profiles.byName(profileName).orElseThrow();
        MachVm example = new MachMapVm(profile, geometry);
        MachVm reference = new ReferenceVm(profile, geometry);
        long exampleTask = example.taskCreate().task();
        long referenceTask = reference.taskCreate().task();
        Random random = new Random(seed);
        int page = geometry.pageSize();
        long base = geometry.maxAddress() - 16L * page; // the window includes the top of the user range
        List<String> log = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            long address = base + (long) random.nextInt(20) * page + (random.nextInt(8) == 0 ? random.nextInt(page) : 0);
            long other = base + (long) random.nextInt(20) * page + (random.nextInt(8) == 0 ? random.nextInt(page) : 0);
            long size = (long) random.nextInt(6) * page + (random.nextInt(8) == 0 ? random.nextInt(page) : 0);
            int op = random.nextInt(10);
            if (op >= 5 && random.nextInt(10) == 0) {
                // Only vm_copy is specified for wrapping ranges: helper calls outside the user range are not compared.
                address = geometry.addressMask() - page + 1 - (long) random.nextInt(2) * page;
            }
            String call;
            Object exampleAnswer;
            Object referenceAnswer;
            switch (op) {
                case 0, 1 -> {
                    call = "allocate " + Geometry.hex(address) + " " + Geometry.hex(size);
                    exampleAnswer = example.vmAllocate(exampleTask, address, size, false).kr();
                    referenceAnswer = reference.vmAllocate(referenceTask, address, size, false).kr();
                }
                case 2 -> {
                    call = "deallocate " + Geometry.hex(address) + " " + Geometry.hex(size);
                    exampleAnswer = example.vmDeallocate(exampleTask, address, size);
                    referenceAnswer = reference.vmDeallocate(referenceTask, address, size);
                }
                case 3 -> {
                    int protection = random.nextInt(8);
                    boolean max = random.nextInt(4) == 0;
                    call = "protect " + Geometry.hex(address) + " " + Geometry.hex(size) + " " + max + " " + protection;
                    exampleAnswer = example.vmProtect(exampleTask, address, size, max, protection);
                    referenceAnswer = reference.vmProtect(referenceTask, address, size, max, protection);
                }
                case 4 -> {
                    byte[] data = new byte[page * (1 + random.nextInt(2))];
                    Arrays.fill(data, (byte) random.nextInt(256));
                    data[random.nextInt(data.length)] = (byte) step;
                    long at = geometry.truncPage(address);
                    call = "write " + Geometry.hex(at) + " " + data.length;
                    exampleAnswer = example.vmWrite(exampleTask, at, data);
                    referenceAnswer = reference.vmWrite(referenceTask, at, data);
                }
                default -> {
                    call = "copy " + Geometry.hex(address) + " " + Geometry.hex(size) + " " + Geometry.hex(other);
                    exampleAnswer = example.vmCopy(exampleTask, address, size, other);
                    referenceAnswer = reference.vmCopy(referenceTask, address, size, other);
                }
            }
            log.add(call + " -> " + referenceAnswer);
            assertThat(exampleAnswer).as("step %d: %s%nhistory:%n%s", step, call, String.join("\n", log)).isEqualTo(referenceAnswer);
            assertThat(snapshot(example, exampleTask, base, page))
                    .as("memory after step %d: %s%nhistory:%n%s", step, call, String.join("\n", log))
                    .isEqualTo(snapshot(reference, referenceTask, base, page));
        }
    }

    /** Per page of the window: read result and a hash of the bytes, current and max protection. */
    private static List<String> snapshot(MachVm vm, long task, long base, int page) {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long at = base + (long) i * page;
            MachVm.ReadResult read = vm.vmRead(task, at, page);
            MachVm.RegionResult region = vm.vmRegion(task, at);
            boolean mapped = region.kr() == 0 && Long.compareUnsigned(region.address(), at) <= 0;
            pages.add(read.kr() + ":" + (read.data() == null ? "-" : Arrays.hashCode(read.data()))
                    + (mapped ? ":" + region.protection() + "/" + region.maxProtection() : ":unmapped"));
        }
        return pages;
    }
}
