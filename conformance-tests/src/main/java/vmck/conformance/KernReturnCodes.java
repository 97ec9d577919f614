package vmck.conformance;

import java.util.Arrays;

import vmck.spec.KernReturn;

/** Every named code, for asking a decision which clause each possible answer would contradict. */
final class KernReturnCodes {

    static final int[] ALL = Arrays.stream(KernReturn.values()).mapToInt(KernReturn::code).toArray();

    private KernReturnCodes() {
    }
}
