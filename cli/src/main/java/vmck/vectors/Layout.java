package vmck.vectors;

import java.util.ArrayList;
import java.util.List;

import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.VmProt;

/**
 * The fixed memory every vector starts from, for one geometry:
 * <ul>
 *   <li>{@code low}: 2 read-write pages at VM_MIN_ADDRESS, pattern 5;</li>
 *   <li>{@code base}: an 8-page window — pages 0-2 read-write (pattern 1), page 3 a hole,
 *       page 4 read-only (pattern 2), page 5 no access (pattern 2), pages 6-7 read-write (pattern 3);</li>
 *   <li>{@code top}: the last 2 pages below VM_MAX_ADDRESS, read-write, pattern 4.</li>
 * </ul>
 */
final class Layout {

    static final int WINDOW_PAGES = 8;
    static final int HOLE_PAGE = 3;
    static final int READ_ONLY_PAGE = 4;
    static final int NO_ACCESS_PAGE = 5;
    static final int DEST_PAGE = 6;

    final Geometry geometry;
    final long ps;
    final long low;
    final long base;
    final long top;

    Layout(Geometry geometry) {
        this.geometry = geometry;
        this.ps = geometry.pageSize();
        this.low = geometry.minAddress();
        this.base = geometry.truncPage(geometry.minAddress() + 0x1000_0000L);
        this.top = geometry.maxAddress() - 2 * ps;
    }

    long page(int index) {
        return base + index * ps;
    }

    List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        int live = Call.LIVE_TASK;
        calls.add(new Call.VmAllocate(live, low, 2 * ps, false));
        calls.add(new Call.VmWrite(live, low, (int) (2 * ps), 5));
        calls.add(new Call.VmAllocate(live, base, WINDOW_PAGES * ps, false));
        calls.add(new Call.VmWrite(live, base, (int) (3 * ps), 1));
        calls.add(new Call.VmWrite(live, page(READ_ONLY_PAGE), (int) (2 * ps), 2));
        calls.add(new Call.VmWrite(live, page(DEST_PAGE), (int) (2 * ps), 3));
        calls.add(new Call.VmDeallocate(live, page(HOLE_PAGE), ps));
        calls.add(new Call.VmProtect(live, page(READ_ONLY_PAGE), ps, false, VmProt.READ));
        calls.add(new Call.VmProtect(live, page(NO_ACCESS_PAGE), ps, false, VmProt.NONE));
        calls.add(new Call.VmAllocate(live, top, 2 * ps, false));
        calls.add(new Call.VmWrite(live, top, (int) (2 * ps), 4));
        return calls;
    }

    /**
     * The reads of readable layout pieces that share a page with {@code [dest, dest+count)} (the
     * page of {@code dest} when count is 0): they see whatever the copy changed, or should not have.
     */
    List<Call.VmRead> readsAround(long dest, long count) {
        long firstPage = geometry.pageIndex(dest);
        long endPage = count == 0 || geometry.wraps(dest, count) ? firstPage + 1 : geometry.pageIndex(dest + count - 1) + 1;
        return layoutReads().stream().filter(read -> {
            long readFirst = geometry.pageIndex(read.address());
            long readEnd = readFirst + read.size() / ps;
            return readFirst < endPage && firstPage < readEnd;
        }).toList();
    }

    /** Reads of every readable layout piece. */
    private List<Call.VmRead> layoutReads() {
        int live = Call.LIVE_TASK;
        return List.of(
                new Call.VmRead(live, low, 2 * ps),
                new Call.VmRead(live, base, 3 * ps),
                new Call.VmRead(live, page(READ_ONLY_PAGE), ps),
                new Call.VmRead(live, page(DEST_PAGE), 2 * ps),
                new Call.VmRead(live, top, 2 * ps));
    }
}
