package vmck.scenario;

/**
 * The implementation could not be run (exit code 3), as opposed to running and answering wrongly
 * (a clause violation, exit code 1). The message names the request and the cause.
 */
public class AdapterFailure extends Exception {

    public AdapterFailure(String message) {
        super(message);
    }

    public AdapterFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
