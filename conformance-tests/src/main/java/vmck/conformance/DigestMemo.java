package vmck.conformance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import vmck.scenario.ReadDigest;

/**
 * {@link ReadDigest#of} for the bytes the checker compares with an adapter's digest, remembered by
 * content. The suite reads the same few page contents (fresh memory, a pattern at some phase)
 * thousands of times, and FNV over a page, one dependent multiply a byte, was a quarter of the
 * checker's time against a fast adapter; finding a page here costs a sampled hash and one
 * {@link Arrays#equals}. One per thread, so nothing is shared between a run's workers.
 */
final class DigestMemo {

    private static final int CAPACITY = 512;
    private static final int SAMPLES = 16;
    private static final ThreadLocal<DigestMemo> PER_THREAD = ThreadLocal.withInitial(DigestMemo::new);

    private final Map<Content, Long> digests = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Content, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The digest of {@code bytes}, which the caller must not change afterwards. */
    static long of(byte[] bytes) {
        return PER_THREAD.get().digest(bytes);
    }

    long digest(byte[] bytes) {
        return digests.computeIfAbsent(new Content(bytes), content -> ReadDigest.of(content.bytes));
    }

    /** Bytes compared whole, hashed from a few samples (equal samples only cost an equals). */
    private record Content(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Content content && Arrays.equals(bytes, content.bytes);
        }

        @Override
        public int hashCode() {
            int hash = bytes.length;
            if (bytes.length > 0) {
                for (int i = 0; i < SAMPLES; i++) {
                    hash = 31 * hash + bytes[(int) ((long) i * (bytes.length - 1) / (SAMPLES - 1))];
                }
            }
            return hash;
        }
    }
}
