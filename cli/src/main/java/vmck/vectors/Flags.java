package vmck.vectors;

import java.util.ArrayList;
import java.util.List;

import vmck.model.AddressSpace;
import vmck.model.PageRun;
import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.VmProt;

/** The labels of a vector, read off the call and the memory it meets (the same under every profile). */
final class Flags {

    private Flags() {
    }

    static List<String> of(Geometry geometry, AddressSpace before, Call.VmCopy call) {
        List<String> flags = new ArrayList<>();
        long source = call.sourceAddress();
        long count = call.count();
        long dest = call.destAddress();
        add(flags, call.task() != Call.LIVE_TASK, "DeadTask");
        add(flags, count == 0, "CountZero");
        add(flags, !geometry.isPageAligned(source), "UnalignedSource");
        add(flags, !geometry.isPageAligned(count), "UnalignedCount");
        add(flags, !geometry.isPageAligned(dest), "UnalignedDest");
        if (count != 0) {
            rangeFlags(flags, geometry, before, "Source", source, count, VmProt.READ);
            rangeFlags(flags, geometry, before, "Dest", dest, count, VmProt.WRITE);
            add(flags, Long.compareUnsigned(count, 8L * geometry.pageSize()) > 0, "LargeCount");
            boolean eitherWraps = geometry.wraps(source, count) || geometry.wraps(dest, count);
            add(flags, source == dest, "SameAddress");
            add(flags, source != dest && !eitherWraps && overlaps(source, dest, count), "Overlap");
        }
        return flags;
    }

    private static void rangeFlags(List<String> flags, Geometry geometry, AddressSpace before, String role,
            long start, long count, int needed) {
        if (geometry.wraps(start, count)) {
            flags.add(role + "Wraps");
            return;
        }
        add(flags, geometry.roundedEndWraps(start, count), role + "EndsAtTopPage");
        add(flags, !geometry.insideUserRange(start, count), role + "OutsideUserRange");
        long firstPage = geometry.pageIndex(start);
        long endPage = geometry.pageIndex(start + count - 1) + 1;
        long allocated = 0;
        boolean lacking = false;
        for (PageRun run : before.runs()) {
            long from = Math.max(firstPage, run.firstPage());
            long to = Math.min(endPage, run.endPage());
            if (from < to) {
                allocated += to - from;
                lacking |= !VmProt.allows(run.protection(), needed);
            }
        }
        add(flags, allocated < endPage - firstPage, role + "Hole");
        add(flags, lacking, role + (needed == VmProt.READ ? "Unreadable" : "Unwritable"));
    }

    private static boolean overlaps(long source, long dest, long count) {
        return Long.compareUnsigned(dest - source, count) < 0 || Long.compareUnsigned(source - dest, count) < 0;
    }

    private static void add(List<String> flags, boolean condition, String flag) {
        if (condition) {
            flags.add(flag);
        }
    }
}
