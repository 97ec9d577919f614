package vmck.model;

/**
 * A maximal run of allocated pages with the same attributes: pages {@code [firstPage, endPage)}.
 * Page numbers are addresses shifted right by log2(page size), so they are never negative.
 */
public record PageRun(long firstPage, long endPage, int protection, int maxProtection) {

    public long pageCount() {
        return endPage - firstPage;
    }

    boolean contains(long page) {
        return firstPage <= page && page < endPage;
    }

    boolean sameAttributes(PageRun other) {
        return protection == other.protection && maxProtection == other.maxProtection;
    }

    PageRun withBounds(long first, long end) {
        return new PageRun(first, end, protection, maxProtection);
    }

    PageRun withProtection(int newProtection, int newMaxProtection) {
        return new PageRun(firstPage, endPage, newProtection, newMaxProtection);
    }
}
