package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StderrRingTest {

    private static void write(StderrRing ring, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ring.accept(bytes, bytes.length);
    }

    @Test
    void keepsLinesSplitAcrossChunks() {
        StderrRing ring = new StderrRing();
        write(ring, "pan");
        write(ring, "ic: oops\nsecond");
        assertThat(ring.tail()).isEqualTo("panic: oops\nsecond\n");
    }

    @Test
    void keepsOnlyTheLastLinesOfAFlood() {
        StderrRing ring = new StderrRing();
        for (int i = 0; i < 100_000; i++) {
            write(ring, "line " + i + "\n");
        }
        String tail = ring.tail();
        assertThat(tail).endsWith("line 99999\n").contains("earlier lines dropped").doesNotContain("line 99799\n");
        assertThat(tail.lines().count()).isLessThanOrEqualTo(StderrRing.MAX_LINES + 1);
    }

    @Test
    void cutsAnEndlessLine() {
        StderrRing ring = new StderrRing();
        for (int i = 0; i < 1000; i++) {
            write(ring, "y".repeat(10_000));
        }
        assertThat(ring.tail()).contains("[...]");
        assertThat(ring.tail().length()).isLessThan(StderrRing.MAX_LINE_CHARS + 100);
    }
}
