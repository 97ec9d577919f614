package vmck.vectors;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one profile expects of one vector: the allowed vm_copy codes, the deciding clause, and the
 * outcome of each observing vm_read.
 *
 * @param result the Wycheproof-style verdict: {@code valid} (success), {@code invalid} (one failure
 *               code) or {@code acceptable} (the profile allows more than one code)
 * @param kr     the allowed vm_copy return codes, ascending
 * @param clause the clause that decides the call, e.g. {@code VMC-ALIGN-1}
 * @param reads  per observing read: the SHA-256s (lower-case hex) of the bytes it may return, one
 *               per distinct content the profile's allowed outcomes leave there (usually exactly one;
 *               several where the profile is loose, e.g. a partial write allowed), or {@code null}
 *               when it must fail (see {@code readKr})
 * @param readKr per observing read: the code it must return
 */
public record Expectation(Result result, List<Integer> kr, String clause, List<List<String>> reads, List<Integer> readKr) {

    public Expectation {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(clause, "clause");
        kr = List.copyOf(kr);
        reads = java.util.Collections.unmodifiableList(
                reads.stream().map(hashes -> hashes == null ? null : List.copyOf(hashes)).toList());
        if (reads.stream().anyMatch(hashes -> hashes != null && hashes.isEmpty())) {
            throw new IllegalArgumentException("a successful read needs at least one allowed hash");
        }
        readKr = List.copyOf(readKr);
        if (reads.size() != readKr.size()) {
            throw new IllegalArgumentException("reads and read_kr differ in length");
        }
        if (result != Result.of(Set.copyOf(kr))) {
            throw new IllegalArgumentException("result " + result.jsonName() + " does not fit kr " + kr);
        }
    }

    /** The Wycheproof-style verdict on a vector under one profile. */
    public enum Result {
        /** vm_copy must succeed. */
        VALID("valid"),
        /** vm_copy must fail with the one listed code. */
        INVALID("invalid"),
        /** The profile allows more than one code (Wycheproof's "acceptable"). */
        ACCEPTABLE("acceptable");

        private final String jsonName;

        Result(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** The verdict a set of allowed codes amounts to. */
        static Result of(Set<Integer> allowed) {
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("no allowed code");
            }
            if (allowed.size() > 1) {
                return ACCEPTABLE;
            }
            return allowed.contains(0) ? VALID : INVALID;
        }

        static Result byJsonName(String name) {
            for (Result result : values()) {
                if (result.jsonName.equals(name)) {
                    return result;
                }
            }
            return null;
        }
    }
}
