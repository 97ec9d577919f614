package vmck.junit;

import vmck.samples.MachMapVm;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** The worked example, tested the way a third party would test theirs: one small class. */
class MachMapVmConformanceTest extends VmCopyConformanceTest {

    @Override
    protected MachVm createImplementation() {
        return new MachMapVm(profile(), Geometry.I386);
    }

    @Override
    protected Profile profile() {
        return Profiles.GNUMACH;
    }
}
