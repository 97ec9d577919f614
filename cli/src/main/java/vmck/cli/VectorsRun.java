package vmck.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.spec.Profile;
import vmck.vectors.VectorCorpus;
import vmck.vectors.VectorResult;
import vmck.vectors.VectorRunner;

/** {@code vmck check --vectors}: the checked-in regression vectors, each with its expected outcome per profile. */
final class VectorsRun {

    private VectorsRun() {
    }

    static int run(Path file, AdapterOptions adapterOptions, Profile profile) {
        VectorCorpus corpus;
        try {
            corpus = VectorCorpus.read(file);
        } catch (NoSuchFileException e) {
            System.err.println("vmck: no such vector file: " + file);
            return Main.USAGE;
        } catch (IOException e) {
            System.err.println("vmck: unreadable vector file " + file + ": " + e.getMessage());
            return Main.USAGE;
        }
        try (Executor executor = adapterOptions.open(profile)) {
            VectorResult result;
            try {
                result = VectorRunner.run(corpus, executor, profile);
            } catch (IllegalArgumentException e) {
                System.err.println("vmck: " + e.getMessage());
                return Main.USAGE;
            }
            result.failures().forEach(failure -> System.out.println("FAIL " + failure));
            System.out.println(result.summary());
            return result.failed() == 0 ? 0 : 1;
        } catch (AdapterFailure failure) {
            System.err.println("vmck: the adapter failed: " + failure.getMessage());
            return Main.ADAPTER_FAILED;
        }
    }
}
