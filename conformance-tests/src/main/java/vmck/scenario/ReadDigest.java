package vmck.scenario;

/**
 * The digest an adapter may answer a vm_read with instead of the bytes (protocol capability
 * {@code vm_read_digest}, spec/PROTOCOL.md): 64-bit FNV-1a of the bytes. Simple enough for a
 * freestanding kernel guest to compute; not a defence against an adversary, which an adapter
 * under test is not (a lying adapter can lie with bytes as well).
 */
public final class ReadDigest {

    private static final long OFFSET_BASIS = 0xcbf2_9ce4_8422_2325L;
    private static final long PRIME = 0x100_0000_01b3L;

    private ReadDigest() {
    }

    public static long of(byte[] bytes) {
        long hash = OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }
}
