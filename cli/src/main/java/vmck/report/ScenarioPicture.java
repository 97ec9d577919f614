package vmck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import vmck.model.AddressSpace;
import vmck.model.PageRun;
import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.VmProt;

/**
 * An SVG picture of the address space around one call: pages as cells (allocated, hole, outside
 * the user range; current/max protection), the ranges the call names as bars above them with
 * their overlap, a marker at the first wrong byte, and the expected against the observed result.
 * Runs of pages with nothing to tell apart are drawn as one elided cell, so a 64-bit space fits.
 *
 * <p>Self-contained: no script, no font, no external reference. Labels carry classes
 * ({@code source-label}, {@code dest-label}, {@code wrong-byte}, {@code page-address}) a browser
 * test reads back.
 */
final class ScenarioPicture {

    private static final int CELL = 46;
    private static final int GAP = 62;
    private static final int LEFT = 12;
    private static final int BAR = 16;
    /** The width of one character of the 12px monospace labels, for placing them. */
    private static final double CHAR = 7.3;

    /** A range the picture shows as a bar: [start, start + length) in bytes. */
    record Range(String kind, String label, long start, long length) {
    }

    /** A column: one page, or an elided run of pages [firstPage, endPage). */
    private record Column(long firstPage, long endPage, int x, int width) {
        boolean elided() {
            return endPage - firstPage > 1;
        }
    }

    private final Geometry geometry;
    private final AddressSpace space;
    private final List<Range> ranges;
    private final Long wrongByte;
    private final String id;
    private final long topPage;
    private final List<Column> columns = new ArrayList<>();
    /** The drawing's width: the page strip's, or more when the texts need it; labels may use all of it. */
    private int canvasWidth;

    private ScenarioPicture(Geometry geometry, AddressSpace space, List<Range> ranges, Long wrongByte, String id) {
        this.id = id;
        this.geometry = geometry;
        this.space = space;
        this.ranges = ranges;
        this.wrongByte = wrongByte;
        this.topPage = geometry.pageIndex(geometry.addressMask());
        layOut();
    }

    /**
     * The picture of {@code call} (a vm_copy, or the observation that failed) made on
     * {@code space}; {@code observation} is the failing vm_read, if any, and {@code wrongByte} the
     * address of the first byte it got wrong (null when the failure is a return code).
     */
    static String render(Geometry geometry, AddressSpace space, Call.VmCopy copy, Call observation, Long wrongByte,
                         String caption, String expected, String observed, String clause) {
        List<Range> ranges = new ArrayList<>();
        if (copy != null && copy.count() != 0) {
            ranges.add(new Range("source", "source", copy.sourceAddress(), copy.count()));
            ranges.add(new Range("dest", "destination", copy.destAddress(), copy.count()));
        } else if (copy != null) {
            ranges.add(new Range("source", "source", copy.sourceAddress(), 0));
            ranges.add(new Range("dest", "destination", copy.destAddress(), 0));
        }
        if (observation instanceof Call.VmRead read && read.size() > 0) {
            ranges.add(new Range("read", "vm_read", read.address(), read.size()));
        } else if (observation instanceof Call.VmRegion region) {
            ranges.add(new Range("read", "vm_region", region.address(), 1));
        }
        return new ScenarioPicture(geometry, space, ranges, wrongByte, clause).svg(caption, expected, observed, clause);
    }

    // ------------------------------------------------------------------ layout

    /** Pages worth a cell of their own: range and run boundaries, the wrong byte, and one page of context each. */
    private void layOut() {
        TreeSet<Long> shown = new TreeSet<>();
        for (Range range : ranges) {
            long first = geometry.pageIndex(range.start() & geometry.addressMask());
            long last = lastPage(range);
            addWithContext(shown, first);
            addWithContext(shown, last);
        }
        for (PageRun run : space.runs()) {
            addWithContext(shown, run.firstPage());
            addWithContext(shown, run.endPage() - 1);
        }
        if (wrongByte != null) {
            addWithContext(shown, geometry.pageIndex(wrongByte));
        }
        if (shown.isEmpty()) {
            shown.add(geometry.pageIndex(geometry.minAddress()));
        }
        int x = LEFT;
        Long previous = null;
        for (long page : shown) {
            if (previous != null && page == previous + 2) {
                columns.add(new Column(previous + 1, page, x, CELL)); // one page: cheaper to show than to elide
                x += CELL;
            } else if (previous != null && page > previous + 1) {
                columns.add(new Column(previous + 1, page, x, GAP));
                x += GAP;
            }
            columns.add(new Column(page, page + 1, x, CELL));
            x += CELL;
            previous = page;
        }
    }

    private void addWithContext(TreeSet<Long> shown, long page) {
        for (long p = page - 1; p <= page + 1; p++) {
            if (p >= 0 && p <= topPage) {
                shown.add(p);
            }
        }
    }

    /** The last page a range touches, stopping at the top of the address space when it wraps. */
    private long lastPage(Range range) {
        if (range.length() == 0) {
            return geometry.pageIndex(range.start() & geometry.addressMask());
        }
        if (geometry.wraps(range.start(), range.length())) {
            return topPage;
        }
        return geometry.pageIndex(range.start() + range.length() - 1);
    }

    private int width() {
        Column last = columns.get(columns.size() - 1);
        return last.x() + last.width() + LEFT;
    }

    /** The x of the start of byte {@code address} (address within the space). */
    private double xOf(long address) {
        long page = geometry.pageIndex(address & geometry.addressMask());
        long offset = address & (geometry.pageSize() - 1);
        for (Column column : columns) {
            if (page >= column.firstPage() && page < column.endPage()) {
                double pages = column.endPage() - column.firstPage();
                double within = (page - column.firstPage() + offset / (double) geometry.pageSize()) / pages;
                return column.x() + within * column.width();
            }
        }
        return page < columns.get(0).firstPage() ? columns.get(0).x() : width() - LEFT;
    }

    /** The x just past the range's last byte (the right end of the space when it wraps). */
    private double xEnd(Range range) {
        if (range.length() == 0) {
            return xOf(range.start());
        }
        if (geometry.wraps(range.start(), range.length())) {
            return width() - LEFT;
        }
        long lastByte = range.start() + range.length() - 1;
        return xOf(lastByte) + CELL / (double) geometry.pageSize();
    }

    // ------------------------------------------------------------------ drawing

    private String svg(String caption, String expected, String observed, String clause) {
        StringBuilder out = new StringBuilder();
        int barsTop = 48;
        int markerRow = barsTop + (ranges.size() + 1) * (BAR + 8) + 12;
        int stripTop = markerRow + 16;
        int stripHeight = 44;
        int labelsTop = stripTop + stripHeight + 8;
        int resultTop = labelsTop + 96;
        int height = resultTop + 64;
        int longestText = Math.max(caption.lines().mapToInt(String::length).max().orElse(0),
                12 + Math.max(expected.length(), observed.length()));
        int width = Math.max(width(), (int) (CHAR * longestText) + 3 * LEFT);
        canvasWidth = width;
        out.append(String.format(Locale.ROOT, "<svg class=\"scenario\" data-clause=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
                esc(clause), width, height, width, height, esc(caption)));
        out.append("<defs><pattern id=\"hatch-").append(esc(clause)).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#7b3fa0\" fill-opacity=\"0.25\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7b3fa0\" stroke-width=\"3\"/></pattern></defs>\n");
        String[] captionLines = caption.split("\n", 2);
        out.append(text(LEFT, 16, "caption", captionLines[0], "font-weight:bold"));
        if (captionLines.length > 1) {
            out.append(text(LEFT, 34, "caption", captionLines[1], "font-weight:bold;fill:#b00000"));
        }
        drawBars(out, barsTop);
        drawStrip(out, stripTop, stripHeight, labelsTop);
        if (wrongByte != null) {
            double x = xOf(wrongByte);
            out.append(String.format(Locale.ROOT, "<line class=\"wrong-byte-marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#d00\" stroke-width=\"2\"/>%n", x, barsTop - 4, x, stripTop + stripHeight + 4));
            out.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d\" fill=\"#d00\"/>%n",
                    x - 6, stripTop - 10, x + 6, stripTop - 10, x, stripTop - 1));
        }
        drawResult(out, resultTop, width, markerRow, expected, observed);
        out.append("</svg>\n");
        return out.toString();
    }

    private void drawBars(StringBuilder out, int top) {
        int row = 0;
        for (Range range : ranges) {
            int y = top + row * (BAR + 8);
            double x0 = xOf(range.start());
            double x1 = Math.max(xEnd(range), x0 + 2);
            String color = switch (range.kind()) {
                case "source" -> "#2a6fdb";
                case "dest" -> "#e07b00";
                default -> "#555";
            };
            out.append(String.format(Locale.ROOT, "<rect class=\"range %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"%s\" fill-opacity=\"0.8\" rx=\"3\"/>%n", range.kind(), x0, y, x1 - x0, BAR, color));
            String wraps = range.length() != 0 && geometry.wraps(range.start(), range.length()) ? " (wraps past the top)" : "";
            String label = range.label() + " " + Geometry.hex(range.start())
                    + (range.kind().equals("read") && range.length() == 1 ? "" : " + " + Geometry.hex(range.length())) + wraps;
            double labelWidth = CHAR * label.length();
            if (x1 - x0 >= labelWidth + 8) {
                out.append(text(x0 + 4, y + BAR - 4, range.kind() + "-label", label, "fill:#fff;font-weight:bold"));
            } else if (x1 + 6 + labelWidth <= canvasWidth) {
                out.append(text(x1 + 6, y + BAR - 4, range.kind() + "-label", label, "fill:" + color + ";font-weight:bold"));
            } else {
                out.append(text(Math.max(LEFT, x0 - 6 - labelWidth), y + BAR - 4, range.kind() + "-label", label,
                        "fill:" + color + ";font-weight:bold"));
            }
            row++;
        }
        // The overlap of source and destination, where both exist: the bytes a copy reads after writing them.
        if (ranges.size() >= 2 && ranges.get(0).length() > 0) {
            Range source = ranges.get(0);
            Range dest = ranges.get(1);
            double s0 = xOf(source.start());
            double s1 = xEnd(source);
            double d0 = xOf(dest.start());
            double d1 = xEnd(dest);
            double o0 = Math.max(s0, d0);
            double o1 = Math.min(s1, d1);
            if (o1 > o0 && overlaps(source, dest)) {
                int y = top + row * (BAR + 8);
                out.append(String.format(Locale.ROOT, "<rect class=\"range overlap\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"url(#hatch-%s)\" stroke=\"#7b3fa0\"/>%n", o0, y, o1 - o0, BAR, esc(id)));
                long from = Long.compareUnsigned(source.start(), dest.start()) > 0 ? source.start() : dest.start();
                String label = "overlap from " + Geometry.hex(from);
                double labelX = o1 - o0 >= CHAR * label.length() + 8 ? o0 + 4 : o1 + 6;
                out.append(text(labelX, y + BAR - 4, "overlap-label", label, "fill:#5a2d78;font-weight:bold"));
            }
        }
    }

    private boolean overlaps(Range a, Range b) {
        long aEnd = a.start() + a.length();
        long bEnd = b.start() + b.length();
        return Long.compareUnsigned(a.start(), bEnd) < 0 && Long.compareUnsigned(b.start(), aEnd) < 0;
    }

    private void drawStrip(StringBuilder out, int top, int height, int labelsTop) {
        for (Column column : columns) {
            PageRun run = space.runAt(column.firstPage());
            boolean sameRun = run != null && run.endPage() >= column.endPage();
            boolean outside = outsideUserRange(column.firstPage());
            String kind;
            String fill;
            String line1;
            String line2 = "";
            if (run != null && sameRun) {
                kind = "allocated";
                fill = fill(run.protection());
                line1 = VmProt.format(run.protection());
                line2 = "max " + VmProt.format(run.maxProtection());
            } else if (run == null && noRunIn(column)) {
                kind = outside ? "outside" : "hole";
                fill = outside ? "#cfcfcf" : "#ffffff";
                line1 = outside ? "outside" : "hole";
            } else {
                kind = "mixed";
                fill = "#eeeeee";
                line1 = "mixed";
            }
            out.append(String.format(Locale.ROOT, "<rect class=\"page %s%s\" data-address=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
                    + "height=\"%d\" fill=\"%s\" stroke=\"#333\"%s/>%n", kind, column.elided() ? " elided" : "",
                    Geometry.hex(geometry.pageAddress(column.firstPage())), column.x(), top, column.width(), height, fill,
                    kind.equals("hole") ? " stroke-dasharray=\"4 3\"" : ""));
            int cx = column.x() + column.width() / 2;
            if (column.elided()) {
                out.append(text(cx, top + 17, "elision", "\u22ef", "text-anchor:middle;font-size:16px"));
                out.append(text(cx, top + 34, "elided-count", plural(column.endPage() - column.firstPage(), "page"),
                        "text-anchor:middle;font-size:10px"));
            } else {
                out.append(text(cx, top + 18, "prot", line1, "text-anchor:middle"));
                out.append(text(cx, top + 33, "maxprot", line2, "text-anchor:middle;font-size:9px;fill:#444"));
            }
            // Every shown page (and the first of every elided run) says where it starts.
            out.append(String.format(Locale.ROOT, "<text class=\"page-address\" x=\"%d\" y=\"%d\" transform=\"rotate(60 %d %d)\" "
                    + "style=\"font:11px monospace\">%s</text>%n", column.x() + 4, labelsTop, column.x() + 4, labelsTop,
                    Geometry.hex(geometry.pageAddress(column.firstPage()))));
        }
    }

    private boolean noRunIn(Column column) {
        PageRun next = space.runAtOrAbove(column.firstPage());
        return next == null || next.firstPage() >= column.endPage();
    }

    private boolean outsideUserRange(long page) {
        long address = geometry.pageAddress(page);
        return Long.compareUnsigned(address, geometry.minAddress()) < 0 || Long.compareUnsigned(address, geometry.maxAddress()) >= 0;
    }

    private static String fill(int protection) {
        if (VmProt.allows(protection, VmProt.READ | VmProt.WRITE)) {
            return "#9fd89f";
        }
        if (VmProt.allows(protection, VmProt.READ)) {
            return "#f3e08a";
        }
        if (VmProt.allows(protection, VmProt.WRITE)) {
            return "#f5b97a";
        }
        return "#f09a9a";
    }

    private void drawResult(StringBuilder out, int top, int width, int markerRow, String expected, String observed) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"52\" fill=\"#fafafa\" stroke=\"#999\"/>%n",
                LEFT, top, width - 2 * LEFT));
        out.append(text(LEFT + 8, top + 20, "expected", "expected: " + expected, "fill:#176117"));
        out.append(text(LEFT + 8, top + 40, "observed", "observed: " + observed, "fill:#b00000"));
        if (wrongByte != null) {
            double x = xOf(wrongByte);
            String label = "first wrong byte " + Geometry.hex(wrongByte);
            double labelX = Math.min(x + 8, canvasWidth - CHAR * label.length());
            out.append(text(Math.max(LEFT, labelX), markerRow, "wrong-byte", label, "fill:#d00;font-weight:bold"));
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String text(double x, double y, String cls, String content, String style) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" style=\"font:12px monospace;%s\">%s</text>%n",
                cls, x, y, style, esc(content));
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
