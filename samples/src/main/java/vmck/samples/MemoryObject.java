package vmck.samples;

import java.util.HashMap;
import java.util.Map;

/**
 * A memory object (Mach's vm_object): the pages behind one or more map entries.
 *
 * <p>Pages are materialised only when written, so untouched memory costs nothing and reads as
 * zeros. An object made for a copy-on-write fault is a shadow: pages it has not written itself are
 * read through to the object it shadows, at {@code shadowOffset} pages further on. Shadow chains
 * are walked iteratively, never recursively, so a long history of copies cannot overflow the stack.
 */
final class MemoryObject {
    private final int pageSize;
    private final Map<Long, byte[]> residentPages = new HashMap<>();
    private final MemoryObject shadow;
    private final long shadowOffset;

    /** A fresh, zero-filled object. */
    MemoryObject(int pageSize) {
        this(pageSize, null, 0);
    }

    private MemoryObject(int pageSize, MemoryObject shadow, long shadowOffset) {
        this.pageSize = pageSize;
        this.shadow = shadow;
        this.shadowOffset = shadowOffset;
    }

    /** A new object whose page 0 reads as page {@code offset} of this one until written. */
    MemoryObject shadowAt(long offset) {
        return new MemoryObject(pageSize, this, offset);
    }

    /** The page's contents, or null when it reads as zeros. The caller must not modify it. */
    byte[] pageForRead(long page) {
        MemoryObject object = this;
        long index = page;
        while (object != null) {
            byte[] bytes = object.residentPages.get(index);
            if (bytes != null) {
                return bytes;
            }
            index += object.shadowOffset;
            object = object.shadow;
        }
        return null;
    }

    /** The page's contents, made resident in this object (copied up from the shadow chain). */
    byte[] pageForWrite(long page) {
        byte[] bytes = residentPages.get(page);
        if (bytes == null) {
            byte[] below = shadow == null ? null : shadow.pageForRead(page + shadowOffset);
            bytes = below == null ? new byte[pageSize] : below.clone();
            residentPages.put(page, bytes);
        }
        return bytes;
    }
}
