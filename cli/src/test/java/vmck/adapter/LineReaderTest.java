package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String text, int max) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsLinesWithEitherTerminatorAndAnUnterminatedLastLine() throws IOException {
        LineReader reader = reader("one\r\ntwo\n\nthré", 100);
        assertThat(reader.readLine()).isEqualTo("one");
        assertThat(reader.readLine()).isEqualTo("two");
        assertThat(reader.readLine()).isEmpty();
        assertThat(reader.readLine()).isEqualTo("thré");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void lineOfExactlyTheBoundIsAccepted() throws IOException {
        assertThat(reader("x".repeat(10) + "\n", 10).readLine()).hasSize(10);
    }

    @Test
    void longerLineFailsWithoutReadingItAll() {
        // An endless stream without newline: the reader must give up after the bound.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertThatThrownBy(() -> new LineReader(endless, 1 << 20).readLine())
                .isInstanceOf(LineReader.LineTooLongException.class).hasMessageContaining("1048576");
    }

    @Test
    void skipLineResumesAfterAnOverlongLine() throws IOException {
        LineReader reader = reader("x".repeat(300_000) + "\nnext\n", 1000);
        assertThatThrownBy(reader::readLine).isInstanceOf(LineReader.LineTooLongException.class);
        reader.skipLine();
        assertThat(reader.readLine()).isEqualTo("next");
    }
}
