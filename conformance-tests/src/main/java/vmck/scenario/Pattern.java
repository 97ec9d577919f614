package vmck.scenario;

/**
 * The bytes a {@link Call.VmWrite} writes: a repetition of a 61-byte stamp derived from the
 * pattern number. 61 is prime, so a copy shifted by any page-sized or byte offset shows up, and
 * the short period lets a slow transport (a serial console) send the data compactly. No stamp
 * contains a zero byte, so written data never looks like fresh memory.
 */
public final class Pattern {

    /** Bytes before a pattern repeats. */
    public static final int PERIOD = 61;

    private Pattern() {
    }

    public static byte[] bytes(int pattern, int size) {
        byte[] out = new byte[size];
        int filled = Math.min(size, PERIOD);
        System.arraycopy(stamp(pattern), 0, out, 0, filled);
        // Doubling copies keep the period and cost a few array copies, where a byte loop with a
        // remainder per byte was the checker's hottest spot against a fast adapter.
        while (filled < size) {
            int n = Math.min(filled, size - filled);
            System.arraycopy(out, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    private static byte[] stamp(int pattern) {
        byte[] stamp = new byte[PERIOD];
        long state = 0x9E37_79B9_7F4A_7C15L * (pattern + 1L);
        for (int i = 0; i < PERIOD; i++) {
            state ^= state >>> 29;
            state *= 0xBF58_476D_1CE4_E5B9L;
            state ^= state >>> 32;
            int value = (int) (state & 0xFF);
            stamp[i] = (byte) (value == 0 ? 1 + i : value);
        }
        return stamp;
    }
}
