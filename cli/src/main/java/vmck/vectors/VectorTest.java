package vmck.vectors;

import java.util.List;
import java.util.Map;

import vmck.scenario.Call;

/**
 * One regression vector: a vm_copy call run after the corpus's layout, the reads that observe
 * memory afterwards, and what each profile expects.
 *
 * @param id       stable number, unique in the corpus
 * @param comment  what the vector is about, unique in the corpus
 * @param flags    labels for grouping results (e.g. {@code UnalignedSource}, {@code ProfilesDisagree})
 * @param call     the vm_copy under test
 * @param observe  vm_read calls made after it
 * @param expected per profile name, in profile order
 */
public record VectorTest(int id, String comment, List<String> flags, Call.VmCopy call, List<Call.VmRead> observe,
        Map<String, Expectation> expected) {

    public VectorTest {
        flags = List.copyOf(flags);
        observe = List.copyOf(observe);
        expected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expected));
    }

    /** The calls of this vector's scenario: the layout, the copy, the observing reads. */
    public List<Call> scenario(List<Call> layout) {
        List<Call> calls = new java.util.ArrayList<>(layout);
        calls.add(call);
        calls.addAll(observe);
        return calls;
    }
}
