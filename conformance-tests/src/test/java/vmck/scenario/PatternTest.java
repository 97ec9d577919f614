package vmck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pattern bytes that vmck's writes carry, which adapters (the GNU Mach guest) regenerate. */
class PatternTest {

    @Test
    void everySizeRepeatsTheStampFromItsStart() {
        for (int pattern : new int[] {0, 1, 60, 1 << 20}) {
            byte[] stamp = Pattern.bytes(pattern, Pattern.PERIOD);
            for (int size : new int[] {0, 1, 60, 61, 62, 122, 123, 4096, 8192 + 7}) {
                byte[] bytes = Pattern.bytes(pattern, size);
                assertThat(bytes).hasSize(size);
                for (int i = 0; i < size; i++) {
                    assertThat(bytes[i]).as("pattern %d size %d byte %d", pattern, size, i).isEqualTo(stamp[i % Pattern.PERIOD]);
                }
            }
        }
    }

    @Test
    void aPageOfAPatternIsPinned() {
        // the GNU Mach guest makes the same bytes in C (guest.c, fill_pattern) and digests them
        // itself; these values were computed independently of this code (Python, from the definition)
        assertThat(Pattern.bytes(0, 4)).containsExactly(0x79, 0x1c, 0x68, 0x36);
        assertThat(ReadDigest.of(Pattern.bytes(0, 4096))).isEqualTo(0xe1ccac6dbe21af7fL);
        assertThat(ReadDigest.of(Pattern.bytes(7, 4096))).isEqualTo(0xe845f2b8c9baee4eL);
    }
}
