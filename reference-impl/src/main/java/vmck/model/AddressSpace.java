package vmck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import vmck.spec.Geometry;

/**
 * One task's memory in the model: which pages are allocated with which protections, and what
 * they hold.
 *
 * <p>Sparse and copy-on-write: allocations are page runs, contents exist only for pages ever
 * written (an absent page reads as zeros), and page buffers are immutable once stored, so a copy
 * shares them. Operations cost in proportion to runs and data pages, never to byte counts.
 * Sorted maps only: iteration order never depends on hashing.
 */
public final class AddressSpace {

    private final Geometry geometry;
    private final int pageShift;
    /** Allocated runs, keyed by first page; kept maximal (adjacent equal runs merged). */
    private final TreeMap<Long, PageRun> runs;
    /** Page number to its contents (pageSize bytes, never mutated after being stored). */
    private final TreeMap<Long, byte[]> contents;

    public AddressSpace(Geometry geometry) {
        this(geometry, new TreeMap<>(), new TreeMap<>());
    }

    private AddressSpace(Geometry geometry, TreeMap<Long, PageRun> runs, TreeMap<Long, byte[]> contents) {
        this.geometry = geometry;
        this.pageShift = Integer.numberOfTrailingZeros(geometry.pageSize());
        this.runs = runs;
        this.contents = contents;
    }

    /** An independent copy; page buffers are shared, which is safe because they are immutable. */
    public AddressSpace copy() {
        return new AddressSpace(geometry, new TreeMap<>(runs), new TreeMap<>(contents));
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The allocated runs in address order (maximal: neighbours differ or are not adjacent). */
    public Collection<PageRun> runs() {
        return Collections.unmodifiableCollection(runs.values());
    }

    /** The run holding {@code page}, or null when the page is not allocated. */
    public PageRun runAt(long page) {
        Map.Entry<Long, PageRun> entry = runs.floorEntry(page);
        return entry != null && entry.getValue().contains(page) ? entry.getValue() : null;
    }

    /** The first run that holds {@code page} or lies above it, or null. */
    public PageRun runAtOrAbove(long page) {
        PageRun holding = runAt(page);
        if (holding != null) {
            return holding;
        }
        Map.Entry<Long, PageRun> above = runs.higherEntry(page);
        return above == null ? null : above.getValue();
    }

    /** True when every page in {@code [firstPage, endPage)} is unallocated. */
    boolean isFree(long firstPage, long endPage) {
        PageRun first = runAtOrAbove(firstPage);
        return first == null || first.firstPage() >= endPage;
    }

    /** Pages with stored contents, in order (for checkers and tests). */
    public List<Long> dataPages() {
        return new ArrayList<>(contents.keySet());
    }

    /** {@code length} bytes from {@code address}, ignoring protections (zeros where nothing was written). */
    public byte[] bytes(long address, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = address + done;
            long page = at >>> pageShift;
            int offset = (int) (at & (geometry.pageSize() - 1));
            int chunk = Math.min(length - done, geometry.pageSize() - offset);
            byte[] data = contents.get(page);
            if (data != null) {
                System.arraycopy(data, offset, out, done, chunk);
            }
            done += chunk;
        }
        return out;
    }

    // ---------------------------------------------------------------- mutation (model-internal)

    /** Allocates {@code [firstPage, endPage)} zero-filled with the given attributes; the pages must be free. */
    void allocate(long firstPage, long endPage, int protection, int maxProtection) {
        contents.subMap(firstPage, endPage).clear();
        runs.put(firstPage, new PageRun(firstPage, endPage, protection, maxProtection));
        mergeAround(firstPage, endPage);
    }

    /** Removes every allocated page in {@code [firstPage, endPage)}, skipping holes. */
    void deallocate(long firstPage, long endPage) {
        splitAt(firstPage);
        splitAt(endPage);
        runs.subMap(firstPage, endPage).clear();
        contents.subMap(firstPage, endPage).clear();
    }

    /** Sets attributes on every allocated page in {@code [firstPage, endPage)}, skipping holes. */
    void protect(long firstPage, long endPage, boolean setMaximum, int newProtection) {
        splitAt(firstPage);
        splitAt(endPage);
        NavigableMap<Long, PageRun> affected = runs.subMap(firstPage, true, endPage, false);
        for (Map.Entry<Long, PageRun> entry : affected.entrySet()) {
            PageRun run = entry.getValue();
            entry.setValue(setMaximum
                    ? run.withProtection(run.protection() & newProtection, newProtection)
                    : run.withProtection(newProtection, run.maxProtection()));
        }
        mergeAround(firstPage, endPage);
    }

    /**
     * Copies {@code length} bytes from {@code source} to {@code destination} with memmove semantics:
     * the destination receives the source as it was before the call. Cost grows with the data
     * pages involved, not with {@code length}.
     */
    void copyBytes(long source, long destination, long length) {
        if (length == 0) {
            return;
        }
        long sourceFirst = source >>> pageShift;
        long sourceLast = (source + length - 1) >>> pageShift;
        long destFirst = destination >>> pageShift;
        long destLast = (destination + length - 1) >>> pageShift;
        // Snapshot first: overlapping ranges must see the source as it was.
        TreeMap<Long, byte[]> sourceData = new TreeMap<>(contents.subMap(sourceFirst, true, sourceLast, true));
        long delta = destination - source;
        boolean pageShifted = (delta & (geometry.pageSize() - 1)) == 0;

        // Destination pages whose bytes may end up non-zero, or are non-zero now.
        TreeMap<Long, Boolean> candidates = new TreeMap<>();
        candidates.put(destFirst, true);
        candidates.put(destLast, true);
        for (Long page : contents.subMap(destFirst, true, destLast, true).keySet()) {
            candidates.put(page, true);
        }
        for (Long sourcePage : sourceData.keySet()) {
            long first = (sourcePage << pageShift) + delta;
            addIfWithin(candidates, first >>> pageShift, destFirst, destLast);
            addIfWithin(candidates, (first + geometry.pageSize() - 1) >>> pageShift, destFirst, destLast);
        }
        for (long destPage : candidates.keySet()) {
            long pageStart = destPage << pageShift;
            long copyStart = unsignedMax(pageStart, destination);
            long copyEnd = unsignedMin(pageStart + geometry.pageSize(), destination + length);
            boolean wholePage = copyStart == pageStart && copyEnd == pageStart + geometry.pageSize();
            if (wholePage && pageShifted) {
                byte[] shared = sourceData.get((pageStart - delta) >>> pageShift);
                storePage(destPage, shared);
                continue;
            }
            byte[] page = contents.containsKey(destPage)
                    ? contents.get(destPage).clone() : new byte[geometry.pageSize()];
            int offset = (int) (copyStart - pageStart);
            int count = (int) (copyEnd - copyStart);
            byte[] fromSource = readFrom(sourceData, copyStart - delta, count);
            System.arraycopy(fromSource, 0, page, offset, count);
            storePage(destPage, page);
        }
    }

    // ---------------------------------------------------------------- internals

    private static long unsignedMax(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static void addIfWithin(TreeMap<Long, Boolean> pages, long page, long first, long last) {
        if (page >= first && page <= last) {
            pages.put(page, true);
        }
    }

    private byte[] readFrom(TreeMap<Long, byte[]> data, long address, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = address + done;
            int offset = (int) (at & (geometry.pageSize() - 1));
            int chunk = Math.min(length - done, geometry.pageSize() - offset);
            byte[] page = data.get(at >>> pageShift);
            if (page != null) {
                System.arraycopy(page, offset, out, done, chunk);
            }
            done += chunk;
        }
        return out;
    }

    /** Stores a page, dropping all-zero pages so memory stays proportional to real data. */
    private void storePage(long page, byte[] data) {
        if (data == null || isAllZero(data)) {
            contents.remove(page);
        } else {
            contents.put(page, data);
        }
    }

    /** Writes whole or partial pages from {@code data} at {@code address} (no checks). */
    void writeBytes(long address, byte[] data) {
        int done = 0;
        while (done < data.length) {
            long at = address + done;
            long page = at >>> pageShift;
            int offset = (int) (at & (geometry.pageSize() - 1));
            int chunk = Math.min(data.length - done, geometry.pageSize() - offset);
            byte[] updated = contents.containsKey(page) ? contents.get(page).clone() : new byte[geometry.pageSize()];
            System.arraycopy(data, done, updated, offset, chunk);
            storePage(page, updated);
            done += chunk;
        }
    }

    private static boolean isAllZero(byte[] data) {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Splits the run that strictly contains {@code page} so that a run starts at {@code page}. */
    private void splitAt(long page) {
        PageRun run = runAt(page);
        if (run != null && run.firstPage() < page) {
            runs.put(run.firstPage(), run.withBounds(run.firstPage(), page));
            runs.put(page, run.withBounds(page, run.endPage()));
        }
    }

    /** Merges equal adjacent runs from just below {@code firstPage} to just above {@code endPage}. */
    private void mergeAround(long firstPage, long endPage) {
        Long key = runs.lowerKey(firstPage);
        if (key == null) {
            key = runs.ceilingKey(firstPage);
        }
        while (key != null) {
            PageRun run = runs.get(key);
            Map.Entry<Long, PageRun> next = runs.higherEntry(key);
            if (next == null || run.firstPage() > endPage) {
                return;
            }
            PageRun following = next.getValue();
            if (following.firstPage() == run.endPage() && following.sameAttributes(run)) {
                runs.remove(following.firstPage());
                runs.put(key, run.withBounds(run.firstPage(), following.endPage()));
            } else {
                key = next.getKey();
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AddressSpace[");
        for (PageRun run : runs.values()) {
            out.append(String.format(" [%s,%s) %d/%d", Geometry.hex(run.firstPage() << pageShift),
                    Geometry.hex(run.endPage() << pageShift), run.protection(), run.maxProtection()));
        }
        return out.append(" ; ").append(contents.size()).append(" data pages]").toString();
    }

    /** Equality of everything observable: runs and bytes. */
    public boolean sameAs(AddressSpace other) {
        if (!runs.equals(other.runs) || !contents.keySet().equals(other.contents.keySet())) {
            return false;
        }
        for (Map.Entry<Long, byte[]> entry : contents.entrySet()) {
            if (!Arrays.equals(entry.getValue(), other.contents.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
