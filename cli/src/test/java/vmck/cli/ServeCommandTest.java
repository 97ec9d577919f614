package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.MachVm;
import vmck.spec.Profiles;

/** {@code vmck serve} looks like the profile's system: its native geometry and its answer for a dead task. */
class ServeCommandTest {

    private static ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @ParameterizedTest(name = "serve --profile {0} serves {1}")
    @CsvSource({"mach3, I386", "gnumach, I386", "xnu, X86_64", "xnu-arm64, ARM64"})
    void eachProfileDefaultsToItsNativeGeometry(String profile, String geometry) throws Exception {
        Geometry expected = (Geometry) Geometry.class.getField(geometry).get(null);
        assertThat(parse("--profile", profile).geometry()).isEqualTo(expected);
    }

    @Test
    void flagsOverrideTheirPartOfTheNativeGeometry() throws Exception {
        assertThat(parse("--profile", "xnu", "--page-size", "16384", "--min-address", "0x4000").geometry())
                .isEqualTo(new Geometry(16384, 64, 0x4000, Geometry.X86_64.maxAddress()));
        assertThat(parse("--profile", "xnu-arm64", "--max-address", "0x100000000").geometry())
                .isEqualTo(new Geometry(16384, 64, Geometry.ARM64.minAddress(), 0x1_0000_0000L));
        assertThat(parse("--profile", "xnu", "--address-bits", "32", "--min-address", "0x0", "--max-address", "0xc0000000")
                .geometry()).isEqualTo(Geometry.I386);
        assertThat(parse().geometry()).as("the default profile, mach3").isEqualTo(Geometry.I386);
    }

    @ParameterizedTest(name = "served {0} answers a call on a dead task with {1}")
    @CsvSource({"mach3, KERN_INVALID_ARGUMENT", "gnumach, MACH_SEND_INVALID_DEST", "xnu, MACH_SEND_INVALID_DEST",
            "xnu-arm64, MACH_SEND_INVALID_DEST"})
    void theServedModelAnswersADeadTaskAsTheProfilesSystemDoes(String profile, KernReturn expected) throws Exception {
        ServeCommand serve = parse("--profile", profile);
        MachVm vm = Adapters.implementation("reference", serve.profile, serve.geometry());
        long dead = vm.taskCreate().task();
        assertThat(vm.taskTerminate(dead)).isZero();
        long page = vm.geometry().pageSize();
        assertThat(vm.vmCopy(dead, page * 16, page, page * 32)).isEqualTo(expected.code());
        assertThat(vm.vmAllocate(dead, page * 16, page, false).kr()).isEqualTo(expected.code());
        assertThat(Profiles.byName(profile).orElseThrow().invalidTaskResults()).contains(expected.code());
    }
}
