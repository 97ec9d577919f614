package vmck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vmck.clarify.Fingerprint;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.spec.Profiles;

/** {@code vmck fingerprint}: which profile's answer an implementation gives, row by row of the register. */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "Run the scenarios that tell the profiles apart and report, per ambiguity-register row, which "
                + "profile's answer the implementation gave; ends with 'best match: PROFILE'.")
final class FingerprintCommand implements Callable<Integer> {

    @Mixin
    AdapterOptions adapterOptions;

    @Override
    public Integer call() throws AdapterFailure {
        try (Executor executor = adapterOptions.open(Profiles.defaultProfile(), Profiles.defaultProfile().nativeGeometry())) {
            System.out.print(Fingerprint.run(executor).render());
            return 0;
        }
    }
}
