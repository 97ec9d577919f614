package vmck.scenario;

import java.util.Arrays;

import vmck.spec.KernReturn;

/**
 * What an implementation answered to one {@link Call}. Fields beyond {@code kr} are filled only
 * for the calls that return them (vm_allocate: address; vm_read: data, or only its
 * {@link ReadDigest digest} when the executor was allowed to answer so; vm_region: address, size,
 * protection, maxProtection).
 */
public record Reply(int kr, long address, long size, int protection, int maxProtection, byte[] data, Long digest) {

    public Reply(int kr, long address, long size, int protection, int maxProtection, byte[] data) {
        this(kr, address, size, protection, maxProtection, data, null);
    }

    public static Reply of(int kr) {
        return new Reply(kr, 0, 0, 0, 0, null);
    }

    public static Reply allocated(int kr, long address) {
        return new Reply(kr, address, 0, 0, 0, null);
    }

    public static Reply read(int kr, byte[] data) {
        return new Reply(kr, 0, 0, 0, 0, data);
    }

    /** A successful vm_read answered with the digest of its bytes instead of the bytes. */
    public static Reply readDigest(long digest) {
        return new Reply(0, 0, 0, 0, 0, null, digest);
    }

    public static Reply region(int kr, long address, long size, int protection, int maxProtection) {
        return new Reply(kr, address, size, protection, maxProtection, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reply that && kr == that.kr && address == that.address && size == that.size
                && protection == that.protection && maxProtection == that.maxProtection
                && Arrays.equals(data, that.data) && java.util.Objects.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(address) + kr + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return KernReturn.describe(kr);
    }
}
