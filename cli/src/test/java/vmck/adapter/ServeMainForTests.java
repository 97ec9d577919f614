package vmck.adapter;

import java.io.IOException;

import vmck.model.ReferenceVm;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/** The reference model served over stdin/stdout, as a child JVM for the executor tests. */
public final class ServeMainForTests {

    private ServeMainForTests() {
    }

    /** No argument: the model; a {@link vmck.samples.Mutant} name: that broken implementation. */
    public static void main(String[] args) throws IOException {
        vmck.spec.MachVm vm = args.length == 0 ? new ReferenceVm(Profiles.GNUMACH, Geometry.I386)
                : vmck.samples.Mutant.valueOf(args[0]).create(Geometry.I386);
        new ProtocolServer(vm, "test").serve(System.in, System.out);
    }
}
