package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kern_return_t names and codes, as SPEC.md Section 1.2 lists them. */
class KernReturnTest {

    @Test
    void describeNamesKnownCodesWithTheirDecimalValue() {
        assertThat(KernReturn.describe(0)).isEqualTo("KERN_SUCCESS (0)");
        assertThat(KernReturn.describe(1)).isEqualTo("KERN_INVALID_ADDRESS (1)");
        assertThat(KernReturn.describe(2)).isEqualTo("KERN_PROTECTION_FAILURE (2)");
        assertThat(KernReturn.describe(4)).isEqualTo("KERN_INVALID_ARGUMENT (4)");
        assertThat(KernReturn.describe(0x10000003)).isEqualTo("MACH_SEND_INVALID_DEST (268435459)");
    }

    @Test
    void describeShowsUnknownCodesInHex() {
        assertThat(KernReturn.describe(0x2a)).isEqualTo("0x2a (unknown)");
        assertThat(KernReturn.describe(-1)).isEqualTo("0xffffffff (unknown)");
    }

    @Test
    void ofRoundTripsEveryNamedCodeAndReturnsNullOtherwise() {
        for (KernReturn kr : KernReturn.values()) {
            assertThat(KernReturn.of(kr.code())).isSameAs(kr);
        }
        assertThat(KernReturn.of(11)).isNull();
    }

    @Test
    void codesAreThoseSharedByGnuMachAndXnu() {
        assertThat(KernReturn.KERN_NO_SPACE.code()).isEqualTo(3);
        assertThat(KernReturn.KERN_INVALID_TASK.code()).isEqualTo(16);
        assertThat(KernReturn.KERN_INVALID_VALUE.code()).isEqualTo(18);
        assertThat(KernReturn.MACH_SEND_INVALID_MEMORY.code()).isEqualTo(0x1000000c);
    }
}
