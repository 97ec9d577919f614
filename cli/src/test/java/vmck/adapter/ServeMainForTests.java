package vmck.adapter;

import java.io.IOException;

import vmck.model.ReferenceVm;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/** The reference model served over stdin/stdout, as a child JVM for the executor tests. */
public final class ServeMainForTests {

    private ServeMainForTests() {
    }

    public static void main(String[] args) throws IOException {
        new ProtocolServer(new ReferenceVm(Profiles.GNUMACH, Geometry.I386), "test").serve(System.in, System.out);
    }
}
