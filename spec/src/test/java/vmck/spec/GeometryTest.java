package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Range arithmetic at the 32- and 64-bit edges (SPEC.md Section 1.3). */
class GeometryTest {

    private static final Geometry I386 = Geometry.I386;
    private static final Geometry X86_64 = Geometry.X86_64;
    /** A 32-bit task whose user range reaches 2^32, so the top page is a user page. */
    private static final Geometry FULL32 = new Geometry(4096, 32, 0x1000L, 1L << 32);
    private static final long COUNT_MAX = -1L; // 2^64 - 1

    @Test
    void emptyRangeNeverWrapsNorRoundsPastTheEnd() {
        assertThat(I386.wraps(0xFFFF_FFFFL, 0)).isFalse();
        assertThat(X86_64.wraps(-1L, 0)).isFalse();
        assertThat(I386.roundedEndWraps(0xFFFF_FFFFL, 0)).isFalse();
    }

    @Test
    void rangeEndingExactlyAt2To32DoesNotWrapButItsRoundedEndDoes() {
        assertThat(I386.wraps(0xFFFF_F000L, 0x1000)).isFalse();
        assertThat(I386.roundedEndWraps(0xFFFF_F000L, 0x1000)).isTrue();
        assertThat(I386.wraps(0xFFFF_FFFFL, 1)).isFalse();
        assertThat(I386.roundedEndWraps(0xFFFF_FFFFL, 1)).isTrue();
    }

    @Test
    void rangeOneBytePast2To32Wraps() {
        assertThat(I386.wraps(0xFFFF_F000L, 0x1001)).isTrue();
        assertThat(I386.wraps(0xFFFF_FFFFL, 2)).isTrue();
        assertThat(I386.roundedEndWraps(0xFFFF_FFFFL, 2)).isTrue();
    }

    @Test
    void unalignedRangeInTheTopPageRoundsPastTheEndWithoutWrapping() {
        assertThat(I386.wraps(0xFFFF_F001L, 0x10)).isFalse();
        assertThat(I386.roundedEndWraps(0xFFFF_F001L, 0x10)).isTrue();
        assertThat(I386.roundedEndWraps(0xFFFF_E001L, 0x10)).isFalse();
    }

    @Test
    void valuesAbove2To32WrapIn32BitTask() {
        assertThat(I386.fits(1L << 32)).isFalse();
        assertThat(I386.fits(0xFFFF_FFFFL)).isTrue();
        assertThat(I386.wraps(1L << 32, 1)).isTrue();
        assertThat(I386.wraps(0, 0x1_0000_0001L)).isTrue();
        assertThat(I386.wraps(0, 1L << 32)).isFalse();
    }

    @Test
    void countOf2To64Minus1WrapsIn32BitTaskAndFromAddress2In64BitTask() {
        assertThat(I386.wraps(0, COUNT_MAX)).isTrue();
        assertThat(X86_64.wraps(0, COUNT_MAX)).isFalse(); // last byte 2^64-2
        assertThat(X86_64.wraps(1, COUNT_MAX)).isFalse(); // last byte 2^64-1
        assertThat(X86_64.wraps(2, COUNT_MAX)).isTrue();
        assertThat(X86_64.roundedEndWraps(0, COUNT_MAX)).isTrue();
        assertThat(X86_64.insideUserRange(0x1000, COUNT_MAX)).isFalse();
    }

    @Test
    void rangeEndingExactlyAt2To64() {
        assertThat(X86_64.wraps(-0x1000L, 0x1000)).isFalse();
        assertThat(X86_64.roundedEndWraps(-0x1000L, 0x1000)).isTrue();
        assertThat(X86_64.wraps(-0x1000L, 0x1001)).isTrue();
        assertThat(X86_64.roundedEndWraps(-0x2000L, 0x1000)).isFalse();
    }

    @Test
    void userRangeMaximumIsExclusive32Bit() {
        assertThat(I386.insideUserRange(0, 0xC000_0000L)).isTrue();
        assertThat(I386.insideUserRange(0xBFFF_F000L, 0x1000)).isTrue();
        assertThat(I386.insideUserRange(0xBFFF_F000L, 0x1001)).isFalse();
        assertThat(I386.insideUserRange(0xC000_0000L, 1)).isFalse();
        assertThat(I386.insideUserRange(0xFFFF_F000L, 0x1000)).isFalse();
    }

    @Test
    void userRangeMinimumIsInclusive64Bit() {
        assertThat(X86_64.insideUserRange(0, 0x1000)).isFalse();
        assertThat(X86_64.insideUserRange(0xFFF, 2)).isFalse();
        assertThat(X86_64.insideUserRange(0x1000, 0x1000)).isTrue();
        assertThat(X86_64.insideUserRange(0x7FFF_FFFF_F000L, 0x1000)).isTrue();
        assertThat(X86_64.insideUserRange(0x7FFF_FFFF_F000L, 0x1001)).isFalse();
        assertThat(X86_64.insideUserRange(-0x1000L, 0x1000)).isFalse();
    }

    @Test
    void userRangeReachingTheTopOf32BitSpaceContainsTheTopPage() {
        assertThat(FULL32.insideUserRange(0xFFFF_F000L, 0x1000)).isTrue();
        assertThat(FULL32.roundedEndWraps(0xFFFF_F000L, 0x1000)).isTrue();
        assertThat(FULL32.insideUserRange(0xFFFF_F000L, 0x1001)).isFalse();
    }

    @Test
    void pageArithmetic() {
        assertThat(I386.truncPage(0x1FFF)).isEqualTo(0x1000);
        assertThat(X86_64.truncPage(-1L)).isEqualTo(-0x1000L);
        assertThat(Geometry.ARM64.truncPage(0x7FFF)).isEqualTo(0x4000);
        assertThat(I386.pageIndex(0x3001)).isEqualTo(3);
        assertThat(X86_64.pageIndex(-1L)).isEqualTo((1L << 52) - 1);
        assertThat(I386.pageAddress(3)).isEqualTo(0x3000);
        assertThat(I386.isPageAligned(0x2000)).isTrue();
        assertThat(I386.isPageAligned(0x2001)).isFalse();
        assertThat(I386.addressMask()).isEqualTo(0xFFFF_FFFFL);
        assertThat(X86_64.addressMask()).isEqualTo(-1L);
        assertThat(Geometry.hex(-1L)).isEqualTo("0xffffffffffffffff");
        assertThat(Geometry.hex(0xC000_0000L)).isEqualTo("0xc0000000");
    }

    @Test
    void constructorRejectsBadGeometries() {
        assertThatThrownBy(() -> new Geometry(1000, 32, 0, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geometry(256, 32, 0, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geometry(4096, 48, 0, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geometry(4096, 32, 1, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geometry(4096, 32, 0x2000, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geometry(4096, 32, 0, (1L << 32) + 0x1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
