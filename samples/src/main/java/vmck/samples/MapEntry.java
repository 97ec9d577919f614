package vmck.samples;

/**
 * One vm_map_entry: the pages {@code [start, end)} map pages {@code offset...} of {@code object}.
 *
 * <p>{@code needsCopy} is Mach's symmetric copy-on-write flag: the object is shared with another
 * entry (a copy's source or destination), so it must never be written in place; the first write
 * through this entry gives it a private shadow object first.
 */
final class MapEntry {
    long start;
    long end;
    int protection;
    int maxProtection;
    MemoryObject object;
    long offset;
    boolean needsCopy;

    MapEntry(long start, long end, int protection, int maxProtection, MemoryObject object, long offset, boolean needsCopy) {
        this.start = start;
        this.end = end;
        this.protection = protection;
        this.maxProtection = maxProtection;
        this.object = object;
        this.offset = offset;
        this.needsCopy = needsCopy;
    }

    boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
