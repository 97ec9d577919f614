package vmck.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files a command is given and the directories it writes to, turning what can be wrong
 * with them into a {@link UsageException} that names the path (exit 2 through {@link Failures}).
 */
final class Inputs {

    private Inputs() {
    }

    /** Reads one input file. */
    interface Reader<T> {
        T read(Path file) throws Exception;
    }

    /**
     * Reads {@code file} (a {@code what}: "trace", "vector file") with {@code reader}; a missing
     * file, a directory, an unreadable file or bytes that are not UTF-8 are usage errors naming the path.
     */
    static <T> T read(String what, Path file, Reader<T> reader) throws Exception {
        if (!Files.exists(file)) {
            throw new UsageException("no such " + what + ": " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory; expected a " + what);
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + what + " " + file + ": permission denied");
        }
        try {
            return reader.read(file);
        } catch (CharacterCodingException e) {
            throw new UsageException(what + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": " + Failures.describe(e));
        }
    }

    /**
     * Makes sure the report directory {@code directory} can be written, before any work is done:
     * creates it when missing; a path that is a file, or a directory that cannot be written, is a
     * usage error (against a real kernel, finding this after the run would waste minutes).
     */
    static void prepareReportDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UsageException("--report " + directory + " is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".vmck-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("--report " + directory + " cannot be written: " + Failures.describe(e));
        }
    }
}
