package vmck.adapter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines an adapter wrote to stderr, bounded in lines and bytes so a flood costs nothing:
 * reports need the tail (the crash message), never the whole stream.
 */
final class StderrRing {

    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 64 * 1024;
    /** Longer lines are cut: one endless line must not push every other line out. */
    static final int MAX_LINE_CHARS = 2048;

    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private int chars;
    private boolean partialTruncated;
    private long droppedLines;

    synchronized void accept(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            appendPartial(text, start, end);
            if (newline < 0) {
                break;
            }
            push();
            start = newline + 1;
        }
    }

    /** The kept lines, oldest first, plus any unterminated last line; empty when nothing was written. */
    synchronized String tail() {
        StringBuilder out = new StringBuilder();
        if (droppedLines > 0) {
            out.append("[").append(droppedLines).append(" earlier lines dropped]\n");
        }
        for (String line : lines) {
            out.append(line).append('\n');
        }
        if (partial.length() > 0) {
            out.append(partial).append(partialTruncated ? "[...]" : "").append('\n');
        }
        return out.toString();
    }

    private void appendPartial(String text, int start, int end) {
        int room = MAX_LINE_CHARS - partial.length();
        if (end - start > room) {
            partial.append(text, start, start + Math.max(room, 0));
            partialTruncated = true;
        } else {
            partial.append(text, start, end);
        }
    }

    private void push() {
        String line = partial + (partialTruncated ? "[...]" : "");
        partial.setLength(0);
        partialTruncated = false;
        lines.addLast(line);
        chars += line.length();
        while (lines.size() > MAX_LINES || chars > MAX_CHARS) {
            chars -= lines.removeFirst().length();
            droppedLines++;
        }
    }
}
