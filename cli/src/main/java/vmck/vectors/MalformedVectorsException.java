package vmck.vectors;

import java.io.IOException;

/** A vectors file that does not follow the format; the message names the test id and the field. */
public final class MalformedVectorsException extends IOException {

    public MalformedVectorsException(String message) {
        super(message);
    }
}
