package vmck.scenario;

import java.util.Arrays;

import vmck.spec.KernReturn;

/**
 * What an implementation answered to one {@link Call}. Fields beyond {@code kr} are filled only
 * for the calls that return them (vm_allocate: address; vm_read: data; vm_region: address, size,
 * protection, maxProtection).
 */
public record Reply(int kr, long address, long size, int protection, int maxProtection, byte[] data) {

    public static Reply of(int kr) {
        return new Reply(kr, 0, 0, 0, 0, null);
    }

    public static Reply allocated(int kr, long address) {
        return new Reply(kr, address, 0, 0, 0, null);
    }

    public static Reply read(int kr, byte[] data) {
        return new Reply(kr, 0, 0, 0, 0, data);
    }

    public static Reply region(int kr, long address, long size, int protection, int maxProtection) {
        return new Reply(kr, address, size, protection, maxProtection, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reply that && kr == that.kr && address == that.address && size == that.size
                && protection == that.protection && maxProtection == that.maxProtection
                && Arrays.equals(data, that.data);
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
