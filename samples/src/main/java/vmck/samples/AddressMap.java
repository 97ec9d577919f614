package vmck.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import vmck.spec.Geometry;

/**
 * One task's vm_map: map entries sorted by start address, never overlapping, all page-aligned and
 * inside the user range. Addresses are unsigned, so the entries are ordered with
 * {@link Long#compareUnsigned}.
 *
 * <p>This class knows nothing of protections as permissions or of result codes: it is the data
 * structure. {@link MachMapVm} decides what a call may do and then asks this map to do it.
 */
final class AddressMap {
    private final Geometry geometry;
    private final int pageSize;
    private final NavigableMap<Long, MapEntry> entries = new TreeMap<>(Long::compareUnsigned);

    AddressMap(Geometry geometry) {
        this.geometry = geometry;
        this.pageSize = geometry.pageSize();
    }

    Geometry geometry() {
        return geometry;
    }

    /** vm_map_lookup_entry: the entry containing {@code address}, or null in a hole. */
    MapEntry entryContaining(long address) {
        Map.Entry<Long, MapEntry> floor = entries.floorEntry(address);
        if (floor == null || !floor.getValue().contains(address)) {
            return null;
        }
        return floor.getValue();
    }

    /** The entry containing {@code address}, else the first entry above it, else null. */
    MapEntry entryAtOrAbove(long address) {
        MapEntry containing = entryContaining(address);
        if (containing != null) {
            return containing;
        }
        Map.Entry<Long, MapEntry> above = entries.higherEntry(address);
        return above == null ? null : above.getValue();
    }

    /** The entries with a byte in {@code [start, lastByte]}, in address order, unclipped. */
    List<MapEntry> entriesOverlapping(long start, long lastByte) {
        List<MapEntry> overlapping = new ArrayList<>();
        MapEntry entry = entryAtOrAbove(start);
        while (entry != null && Long.compareUnsigned(entry.start, lastByte) <= 0) {
            overlapping.add(entry);
            Map.Entry<Long, MapEntry> next = entries.higherEntry(entry.start);
            entry = next == null ? null : next.getValue();
        }
        return overlapping;
    }

    /** True when no entry overlaps the page-aligned range {@code [start, end)}. */
    boolean isFree(long start, long end) {
        MapEntry first = entryAtOrAbove(start);
        return first == null || Long.compareUnsigned(first.start, end) >= 0;
    }

    /** A new zero-filled entry; the caller has checked that {@code [start, end)} is free. */
    void insertZeroFilled(long start, long end, int protection, int maxProtection) {
        entries.put(start, new MapEntry(start, end, protection, maxProtection, new MemoryObject(pageSize), 0, false));
    }

    /** The lowest page-aligned start of a free gap of {@code size} bytes from VM_MIN_ADDRESS, or null. */
    Long findSpace(long size) {
        long candidate = geometry.minAddress();
        for (MapEntry entry : entries.values()) {
            if (Long.compareUnsigned(entry.start, candidate) >= 0
                    && Long.compareUnsigned(entry.start - candidate, size) >= 0) {
                return candidate;
            }
            if (Long.compareUnsigned(entry.end, candidate) > 0) {
                candidate = entry.end;
            }
        }
        long room = geometry.maxAddress() - candidate;
        return Long.compareUnsigned(room, size) >= 0 ? candidate : null;
    }

    /** vm_map_clip_start: split the entry containing {@code address} so that an entry starts there. */
    void clip(long address) {
        MapEntry entry = entryContaining(address);
        if (entry == null || entry.start == address) {
            return;
        }
        long skippedPages = (address - entry.start) / pageSize;
        MapEntry upper = new MapEntry(address, entry.end, entry.protection, entry.maxProtection,
                entry.object, entry.offset + skippedPages, entry.needsCopy);
        entry.end = address;
        entries.put(address, upper);
    }

    /** The entries inside the page-aligned range {@code [start, end)}, after clipping them to it. */
    List<MapEntry> clippedEntries(long start, long end) {
        clip(start);
        clip(end);
        List<MapEntry> inside = new ArrayList<>();
        MapEntry entry = entryAtOrAbove(start);
        while (entry != null && Long.compareUnsigned(entry.start, end) < 0) {
            inside.add(entry);
            Map.Entry<Long, MapEntry> next = entries.higherEntry(entry.start);
            entry = next == null ? null : next.getValue();
        }
        return inside;
    }

    /** vm_map_delete: drop every entry inside {@code [start, end)}; holes are fine. */
    void remove(long start, long end) {
        for (MapEntry entry : clippedEntries(start, end)) {
            entries.remove(entry.start);
        }
    }

    /**
     * vm_map_copyin: the pages of {@code [start, start + size)} as a snapshot. With
     * {@code copyOnWrite}, every source entry is marked needs-copy, so neither the source nor any
     * later holder of the snapshot can write the shared objects in place.
     */
    Snapshot snapshot(long start, long size, boolean copyOnWrite) {
        List<Snapshot.Piece> pieces = new ArrayList<>();
        long end = start + size;
        long cursor = start;
        for (MapEntry entry : clippedEntries(start, end)) {
            if (entry.start != cursor) {
                pieces.add(new Snapshot.Piece((entry.start - cursor) / pageSize, null, 0, 0, 0));
            }
            if (copyOnWrite) {
                entry.needsCopy = true;
            }
            pieces.add(new Snapshot.Piece((entry.end - entry.start) / pageSize, entry.object, entry.offset,
                    entry.protection, entry.maxProtection));
            cursor = entry.end;
        }
        if (cursor != end) {
            pieces.add(new Snapshot.Piece((end - cursor) / pageSize, null, 0, 0, 0));
        }
        return new Snapshot(pieces);
    }

    /**
     * vm_map_copy_overwrite: the existing destination entries from {@code start} on are pointed at
     * the snapshot's objects; they keep their own protections. Destination holes are skipped (a
     * correct caller has verified there are none).
     */
    void overwrite(long start, Snapshot snapshot, boolean copyOnWrite) {
        long pieceStart = start;
        for (Snapshot.Piece piece : snapshot.pieces()) {
            long pieceEnd = pieceStart + piece.pages() * pageSize;
            for (MapEntry entry : clippedEntries(pieceStart, pieceEnd)) {
                long pagesIn = (entry.start - pieceStart) / pageSize;
                if (piece.object() == null) {
                    entry.object = new MemoryObject(pageSize);
                    entry.offset = 0;
                    entry.needsCopy = false;
                } else {
                    entry.object = piece.object();
                    entry.offset = piece.offset() + pagesIn;
                    entry.needsCopy = copyOnWrite;
                }
            }
            pieceStart = pieceEnd;
        }
    }

    /** Set protection and max protection on the allocated pages of {@code [start, end)}. */
    void setProtection(long start, long end, int protection, int maxProtection) {
        for (MapEntry entry : clippedEntries(start, end)) {
            entry.protection = protection;
            entry.maxProtection = maxProtection;
        }
    }

    /** {@code length} bytes from {@code address}, ignoring protection; holes read as zeros. */
    byte[] readBytes(long address, int length) {
        byte[] data = new byte[length];
        int done = 0;
        while (done < length) {
            long at = address + done;
            long pageStart = geometry.truncPage(at);
            int inPage = (int) (at - pageStart);
            int chunk = Math.min(pageSize - inPage, length - done);
            MapEntry entry = entryContaining(pageStart);
            byte[] page = entry == null ? null : entry.object.pageForRead(pageIndexIn(entry, pageStart));
            if (page != null) {
                System.arraycopy(page, inPage, data, done, chunk);
            }
            done += chunk;
        }
        return data;
    }

    /**
     * Write {@code data} at {@code address}, ignoring protection; bytes over holes are dropped.
     * A write through a needs-copy entry first gives the entry its own shadow object: this is the
     * copy-on-write fault that keeps a copy's source and destination apart.
     */
    void writeBytes(long address, byte[] data) {
        int done = 0;
        while (done < data.length) {
            long at = address + done;
            long pageStart = geometry.truncPage(at);
            int inPage = (int) (at - pageStart);
            int chunk = Math.min(pageSize - inPage, data.length - done);
            MapEntry entry = entryContaining(pageStart);
            if (entry != null) {
                if (entry.needsCopy) {
                    entry.object = entry.object.shadowAt(entry.offset);
                    entry.offset = 0;
                    entry.needsCopy = false;
                }
                byte[] page = entry.object.pageForWrite(pageIndexIn(entry, pageStart));
                System.arraycopy(data, done, page, inPage, chunk);
            }
            done += chunk;
        }
    }

    /** memmove of {@code count} bytes at byte granularity, a page at a time, ignoring protection. */
    void moveBytes(long source, long count, long dest) {
        boolean backwards = Long.compareUnsigned(dest, source) > 0 && Long.compareUnsigned(dest - source, count) < 0;
        long done = 0;
        while (Long.compareUnsigned(done, count) < 0) {
            int chunk = Long.compareUnsigned(count - done, pageSize) < 0 ? (int) (count - done) : pageSize;
            long offset = backwards ? count - done - chunk : done;
            writeBytes(dest + offset, readBytes(source + offset, chunk));
            done += chunk;
        }
    }

    private long pageIndexIn(MapEntry entry, long pageStart) {
        return entry.offset + (pageStart - entry.start) / pageSize;
    }
}
