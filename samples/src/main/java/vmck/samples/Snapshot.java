package vmck.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * What vm_map_copyin hands to vm_map_copy_overwrite: the source range as a list of pieces, each a
 * run of pages of a (now copy-on-write) memory object, with the protection the source had there.
 * A piece with a null object stands for a hole: only broken implementations ever copy one.
 */
record Snapshot(List<Piece> pieces) {

    record Piece(long pages, MemoryObject object, long offset, int protection, int maxProtection) {
    }

    Snapshot {
        pieces = List.copyOf(pieces);
    }

    long pages() {
        return pieces.stream().mapToLong(Piece::pages).sum();
    }

    /** The pieces covering pages {@code [firstPage, firstPage + pageCount)} of this snapshot. */
    Snapshot slice(long firstPage, long pageCount) {
        List<Piece> sliced = new ArrayList<>();
        long pieceStart = 0;
        long end = firstPage + pageCount;
        for (Piece piece : pieces) {
            long pieceEnd = pieceStart + piece.pages();
            long from = Math.max(pieceStart, firstPage);
            long to = Math.min(pieceEnd, end);
            if (from < to) {
                sliced.add(new Piece(to - from, piece.object(), piece.offset() + (from - pieceStart),
                        piece.protection(), piece.maxProtection()));
            }
            pieceStart = pieceEnd;
        }
        return new Snapshot(sliced);
    }
}
