package vmck.json;

import java.io.IOException;

/**
 * JSON input that breaks its format or contract (a trace, a vectors file, a protocol v1 line, a
 * command-line value): the message names where (file and line, test, request) and the field.
 * An {@link IOException}, like Jackson's own parse errors: the input could not be read as what it claims to be.
 */
public final class JsonFormatException extends IOException {

    public JsonFormatException(String message) {
        super(message);
    }
}
