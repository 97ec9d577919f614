package org.example.pagetable;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small virtual-memory simulator with Mach's VM calls and GNU Mach 1.8's answers: a 32-bit task
 * with 4 KiB pages, user range [0x1000, 0xc0000000). Each task is a page table (page number to
 * page); a page owns its bytes, so vm_copy copies bytes, never shares them. It knows nothing of
 * vmck: the conformance test adapts it to vmck's SPI.
 */
public final class PageTableVm {

    public static final int PAGE = 4096;
    public static final long MIN_ADDRESS = 0x1000L;
    public static final long MAX_ADDRESS = 0xC000_0000L;
    public static final int ADDRESS_BITS = 32;

    public static final int KERN_SUCCESS = 0;
    public static final int KERN_INVALID_ADDRESS = 1;
    public static final int KERN_PROTECTION_FAILURE = 2;
    public static final int KERN_NO_SPACE = 3;
    public static final int KERN_INVALID_ARGUMENT = 4;
    /** What any call on a task that is gone gets: its port is a dead name. */
    public static final int MACH_SEND_INVALID_DEST = 0x10000003;

    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int ALL = 7;

    private static final long SPACE_END = 1L << ADDRESS_BITS;

    private static final class Page {
        final byte[] bytes = new byte[PAGE];
        int protection = READ | WRITE;
        int maxProtection = ALL;
    }

    private final Map<Long, TreeMap<Long, Page>> tasks = new HashMap<>();
    private long nextTask = 1;

    public long taskCreate() {
        tasks.put(nextTask, new TreeMap<>());
        return nextTask++;
    }

    public int taskTerminate(long task) {
        return tasks.remove(task) == null ? MACH_SEND_INVALID_DEST : KERN_SUCCESS;
    }

    /** vm_allocate; on success {@code placed[0]} is the address. */
    public int allocate(long task, long address, long size, boolean anywhere, long[] placed) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        if (size == 0) {
            return KERN_SUCCESS;
        }
        long first;
        long count;
        if (anywhere) {
            count = pagesCovering(0, size);
            first = firstFit(pages, count);
            if (count < 0 || first < 0) {
                return KERN_NO_SPACE;
            }
        } else {
            long end = address + size;
            if (Long.compareUnsigned(address, MIN_ADDRESS) < 0 || Long.compareUnsigned(end, address) < 0
                    || Long.compareUnsigned(end, MAX_ADDRESS) > 0) {
                return KERN_INVALID_ADDRESS;
            }
            first = address / PAGE;
            count = pagesCovering(address, size);
            if (!pages.subMap(first, first + count).isEmpty()) {
                return KERN_NO_SPACE;
            }
        }
        for (long n = first; n < first + count; n++) {
            pages.put(n, new Page());
        }
        placed[0] = first * PAGE;
        return KERN_SUCCESS;
    }

    public int deallocate(long task, long address, long size) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        if (size == 0) {
            return KERN_SUCCESS;
        }
        if (!inSpace(address, size)) {
            return KERN_INVALID_ADDRESS;
        }
        pages.subMap(address / PAGE, address / PAGE + pagesCovering(address, size)).clear(); // holes are fine
        return KERN_SUCCESS;
    }

    public int protect(long task, long address, long size, boolean setMaximum, int protection) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        if ((protection & ~ALL) != 0) {
            return KERN_INVALID_ARGUMENT;
        }
        if (size == 0) {
            return KERN_SUCCESS;
        }
        if (!inSpace(address, size)) {
            return KERN_INVALID_ADDRESS;
        }
        Map<Long, Page> range = pages.subMap(address / PAGE, address / PAGE + pagesCovering(address, size));
        if (range.values().stream().anyMatch(page -> (protection & ~page.maxProtection) != 0)) {
            return KERN_PROTECTION_FAILURE; // a maximum is never raised; nothing changes
        }
        for (Page page : range.values()) {
            if (setMaximum) {
                page.maxProtection = protection;
                page.protection &= protection;
            } else {
                page.protection = protection;
            }
        }
        return KERN_SUCCESS;
    }

    /** vm_read; on success {@code data[0]} holds the bytes. */
    public int read(long task, long address, long size, byte[][] data) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        int kr = size == 0 ? KERN_SUCCESS : walk(pages, address, size, READ);
        if (kr == KERN_SUCCESS) {
            data[0] = bytes(pages, address, (int) size);
        }
        return kr;
    }

    public int write(long task, long address, byte[] data) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        if (address % PAGE != 0 || data.length % PAGE != 0) {
            return KERN_INVALID_ARGUMENT; // vm_write moves whole pages
        }
        int kr = data.length == 0 ? KERN_SUCCESS : walk(pages, address, data.length, WRITE);
        if (kr == KERN_SUCCESS) {
            store(pages, address, data);
        }
        return kr;
    }

    /** vm_copy in GNU Mach's order: count 0, the source walk, alignment, the destination walk. */
    public int copy(long task, long source, long count, long dest) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        if (count == 0) {
            return KERN_SUCCESS;
        }
        if (!inSpace(source, count) || (source + count + PAGE - 1) / PAGE * PAGE >= SPACE_END) {
            return KERN_INVALID_ADDRESS; // the source's page-rounded end wraps
        }
        int kr = walk(pages, source, count, READ);
        if (kr != KERN_SUCCESS) {
            return kr;
        }
        if (source % PAGE != 0 || count % PAGE != 0 || dest % PAGE != 0) {
            return KERN_INVALID_ARGUMENT;
        }
        kr = walk(pages, dest, count, WRITE);
        if (kr != KERN_SUCCESS) {
            return kr;
        }
        store(pages, dest, bytes(pages, source, (int) count)); // read all first: overlapping ranges copy as memmove does
        return KERN_SUCCESS;
    }

    /** vm_region; on success {@code region} is address, size, protection, max protection. */
    public int region(long task, long address, long[] region) {
        TreeMap<Long, Page> pages = tasks.get(task);
        if (pages == null) {
            return MACH_SEND_INVALID_DEST;
        }
        Long first = Long.compareUnsigned(address, SPACE_END) >= 0 ? null : pages.ceilingKey(address / PAGE);
        if (first == null) {
            return KERN_NO_SPACE;
        }
        Page page = pages.get(first);
        long start = first;
        while (alike(pages.get(start - 1), page)) {
            start--;
        }
        long end = first + 1;
        while (alike(pages.get(end), page)) {
            end++;
        }
        region[0] = start * PAGE;
        region[1] = (end - start) * PAGE;
        region[2] = page.protection;
        region[3] = page.maxProtection;
        return KERN_SUCCESS;
    }

    // ----- the page table ---------------------------------------------------------------

    /** The map walk: the first hole is an invalid address, the first page lacking {@code needed} a protection failure. */
    private static int walk(TreeMap<Long, Page> pages, long address, long size, int needed) {
        if (!inSpace(address, size)) {
            return KERN_INVALID_ADDRESS;
        }
        for (long n = address / PAGE, end = n + pagesCovering(address, size); n < end; n++) {
            Page page = pages.get(n);
            if (page == null) {
                return KERN_INVALID_ADDRESS;
            }
            if ((page.protection & needed) != needed) {
                return KERN_PROTECTION_FAILURE;
            }
        }
        return KERN_SUCCESS;
    }

    private static boolean inSpace(long address, long size) {
        return Long.compareUnsigned(address, SPACE_END) < 0 && Long.compareUnsigned(size, SPACE_END - address) <= 0;
    }

    /** Pages touched by [address, address + size), or -1 when that leaves the address space. */
    private static long pagesCovering(long address, long size) {
        if (!inSpace(address, size)) {
            return -1;
        }
        return (address + size + PAGE - 1) / PAGE - address / PAGE;
    }

    private static long firstFit(TreeMap<Long, Page> pages, long count) {
        long candidate = MIN_ADDRESS / PAGE;
        for (long used : pages.keySet()) {
            if (used >= candidate + count) {
                break;
            }
            candidate = Math.max(candidate, used + 1);
        }
        return candidate + count <= MAX_ADDRESS / PAGE ? candidate : -1;
    }

    private static boolean alike(Page a, Page b) {
        return a != null && a.protection == b.protection && a.maxProtection == b.maxProtection;
    }

    private static byte[] bytes(TreeMap<Long, Page> pages, long address, int size) {
        byte[] out = new byte[size];
        for (int done = 0; done < size; ) {
            long at = address + done;
            int offset = (int) (at % PAGE);
            int chunk = Math.min(PAGE - offset, size - done);
            System.arraycopy(pages.get(at / PAGE).bytes, offset, out, done, chunk);
            done += chunk;
        }
        return out;
    }

    private static void store(TreeMap<Long, Page> pages, long address, byte[] data) {
        for (int done = 0; done < data.length; ) {
            long at = address + done;
            int offset = (int) (at % PAGE);
            int chunk = Math.min(PAGE - offset, data.length - done);
            System.arraycopy(data, done, pages.get(at / PAGE).bytes, offset, chunk);
            done += chunk;
        }
    }
}
