package vmck.spec;

/**
 * The shape of a task's address space: page size, address width and the user range.
 *
 * <p>Addresses and sizes are unsigned 64-bit values carried in {@code long}s; compare them with
 * {@link Long#compareUnsigned}. A 32-bit task's addresses are below 2^32 and its ranges wrap
 * there; a 64-bit task's wrap at 2^64.
 *
 * @param pageSize     bytes per page, a power of two (4096, 8192 and 16384 are the real ones)
 * @param addressBits  32 or 64
 * @param minAddress   VM_MIN_ADDRESS: the lowest address a task may map, page-aligned
 * @param maxAddress   VM_MAX_ADDRESS: the first address a task may NOT map (exclusive), page-aligned
 */
public record Geometry(int pageSize, int addressBits, long minAddress, long maxAddress) {

    /** GNU Mach on i386 (mach/i386/vm_param.h): 4 KiB pages, user range [0, 0xC0000000). */
    public static final Geometry I386 = new Geometry(4096, 32, 0L, 0xC000_0000L);
    /** A 64-bit task with 4 KiB pages and a 47-bit user range, as on x86_64. */
    public static final Geometry X86_64 = new Geometry(4096, 64, 0x1000L, 0x0000_8000_0000_0000L);
    /** A 64-bit arm64 process with 16 KiB pages. */
    public static final Geometry ARM64 = new Geometry(16384, 64, 0x4000L, 0x0000_8000_0000_0000L);

    public Geometry {
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two of at least 512: " + pageSize);
        }
        if (addressBits != 32 && addressBits != 64) {
            throw new IllegalArgumentException("address bits must be 32 or 64: " + addressBits);
        }
        if (!isPageAligned(minAddress, pageSize) || !isPageAligned(maxAddress, pageSize)) {
            throw new IllegalArgumentException("user range bounds must be page-aligned");
        }
        if (Long.compareUnsigned(minAddress, maxAddress) >= 0) {
            throw new IllegalArgumentException("user range is empty: min must be below max");
        }
        if (addressBits == 32 && Long.compareUnsigned(maxAddress, 1L << 32) > 0) {
            throw new IllegalArgumentException("a 32-bit task's max address is at most 2^32");
        }
    }

    /** True when {@code value} is representable as a vm_address_t / vm_size_t of this task. */
    public boolean fits(long value) {
        return addressBits == 64 || (value >>> 32) == 0;
    }

    /** The largest vm_address_t value: 2^addressBits - 1. */
    public long addressMask() {
        return addressBits == 64 ? -1L : 0xFFFF_FFFFL;
    }

    public boolean isPageAligned(long value) {
        return isPageAligned(value, pageSize);
    }

    /** trunc_page. */
    public long truncPage(long address) {
        return address & -(long) pageSize;
    }

    /** Page number of the page holding {@code address}. */
    public long pageIndex(long address) {
        return address >>> Integer.numberOfTrailingZeros(pageSize);
    }

    /** First address of page number {@code page}. */
    public long pageAddress(long page) {
        return page << Integer.numberOfTrailingZeros(pageSize);
    }

    /**
     * True when the range {@code [start, start+size)} wraps past 2^addressBits, i.e. its last byte
     * is not a representable address. An empty range never wraps.
     */
    public boolean wraps(long start, long size) {
        if (size == 0) {
            return false;
        }
        long last = start + (size - 1);
        if (Long.compareUnsigned(last, start) < 0) {
            return true; // wrapped past 2^64
        }
        return !fits(start) || !fits(last);
    }

    /**
     * True when page-rounding the end of {@code [start, start+size)} wraps past 2^addressBits
     * (round_page(start+size) overflows to 0), the check GNU Mach's vm_map_copyin makes.
     */
    public boolean roundedEndWraps(long start, long size) {
        if (size == 0) {
            return false;
        }
        long last = start + (size - 1);
        return wraps(start, size) || truncPage(last) == truncPage(addressMask());
    }

    /** True when the non-empty range lies inside the user range [minAddress, maxAddress). */
    public boolean insideUserRange(long start, long size) {
        if (wraps(start, size)) {
            return false;
        }
        long last = start + (size - 1);
        return Long.compareUnsigned(start, minAddress) >= 0 && Long.compareUnsigned(last, maxAddress) < 0;
    }

    /** Unsigned hex with 0x, as the wire protocol and reports print addresses. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static boolean isPageAligned(long value, int pageSize) {
        return (value & (pageSize - 1)) == 0;
    }
}
