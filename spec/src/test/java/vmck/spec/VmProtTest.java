package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** vm_prot_t bits and their rwx rendering. */
class VmProtTest {

    @Test
    void formatRendersRwxBits() {
        assertThat(VmProt.format(VmProt.NONE)).isEqualTo("---");
        assertThat(VmProt.format(VmProt.READ)).isEqualTo("r--");
        assertThat(VmProt.format(VmProt.WRITE)).isEqualTo("-w-");
        assertThat(VmProt.format(VmProt.EXECUTE)).isEqualTo("--x");
        assertThat(VmProt.format(VmProt.DEFAULT)).isEqualTo("rw-");
        assertThat(VmProt.format(VmProt.ALL)).isEqualTo("rwx");
    }

    @Test
    void formatShowsBitsOutsideRwxInHex() {
        assertThat(VmProt.format(8)).isEqualTo("0x8");   // GNU Mach VM_PROT_NO_CHANGE
        assertThat(VmProt.format(0x13)).isEqualTo("0x13");
        assertThat(VmProt.format(-1)).isEqualTo("0xffffffff");
    }

    @Test
    void allowsNeedsEveryRequiredBit() {
        assertThat(VmProt.allows(VmProt.DEFAULT, VmProt.READ)).isTrue();
        assertThat(VmProt.allows(VmProt.READ, VmProt.WRITE)).isFalse();
        assertThat(VmProt.allows(VmProt.READ, VmProt.DEFAULT)).isFalse();
        assertThat(VmProt.allows(VmProt.NONE, VmProt.NONE)).isTrue();
    }

    @Test
    void isValidAcceptsOnlyRwxBits() {
        assertThat(VmProt.isValid(VmProt.ALL)).isTrue();
        assertThat(VmProt.isValid(0)).isTrue();
        assertThat(VmProt.isValid(8)).isFalse();
    }
}
