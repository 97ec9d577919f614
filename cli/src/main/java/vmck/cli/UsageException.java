package vmck.cli;

/**
 * A usage or input error a command detected itself: a bad option value, an input file that cannot
 * be used. {@link Failures} turns it into exit code 2 with its message on one line.
 */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
