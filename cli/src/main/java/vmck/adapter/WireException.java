package vmck.adapter;

/**
 * A line broke protocol v1: not JSON, a missing or ill-typed field, a wrong id, an error reply.
 * The message names the request (id and op) and the field, so a report can say what went wrong.
 */
final class WireException extends Exception {

    WireException(String message) {
        super(message);
    }
}
