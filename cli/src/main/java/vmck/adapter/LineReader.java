package vmck.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-terminated UTF-8 lines with a bound on their length, so a peer that sends a
 * 100 MB line (or no newline at all) costs at most the bound in memory, never the whole line.
 */
final class LineReader {

    /** Thrown as soon as a line exceeds the bound; the rest of the line is left unread. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int maxBytes) {
            super("line longer than " + maxBytes + " bytes");
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** True when a whole line is already buffered, so reading it will not block. */
    boolean hasBufferedLine() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}); a last line without a
     * terminator counts; null at end of stream.
     */
    String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 ? null : decode(length);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > maxBytes) {
                throw new LineTooLongException(maxBytes);
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(length + chunk, 2 * line.length)));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the newline
                return decode(length);
            }
        }
    }

    /** Discards input up to and including the next newline (after a {@link LineTooLongException}). */
    void skipLine() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return;
            }
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    return;
                }
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String decode(int length) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (line.length > 1 << 20) {
            line = new byte[1024]; // do not keep a huge buffer alive between large replies
        }
        return text;
    }
}
