package vmck.cli;

import java.nio.file.Path;

import vmck.scenario.Executor;
import vmck.spec.Profile;
import vmck.vectors.VectorCorpus;
import vmck.vectors.VectorResult;
import vmck.vectors.VectorRunner;

/** {@code vmck check --vectors}: the checked-in regression vectors, each with its expected outcome per profile. */
final class VectorsRun {

    private VectorsRun() {
    }

    static int run(Path file, AdapterOptions adapterOptions, Profile profile) throws Exception {
        VectorCorpus corpus = Inputs.read("vector file", file, VectorCorpus::read);
        try (Executor executor = adapterOptions.open(profile, corpus.geometry())) {
            VectorResult result = VectorRunner.run(corpus, executor, profile);
            result.failures().forEach(failure -> System.out.println("FAIL " + failure));
            System.out.println(result.summary());
            return result.failed() == 0 ? 0 : 1;
        }
    }
}
