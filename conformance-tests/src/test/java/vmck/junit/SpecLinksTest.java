package vmck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;

class SpecLinksTest {

    private final SpecLinks links = SpecLinks.load();

    @Test
    void everyClauseLinksToItsHeadingInThePackagedSpec() {
        for (Clause clause : Clause.values()) {
            assertThat(links.line(clause)).as(clause.id()).isPositive();
        }
    }

    @Test
    void theUriNamesTheResourceTheLineAndTheAnchor() {
        URI uri = links.uri(Clause.VMC_COPY_1);
        assertThat(uri.getScheme()).isEqualTo("classpath");
        assertThat(uri.getSchemeSpecificPart()).startsWith("/vmck/junit/SPEC.md?line=");
        assertThat(uri.getFragment()).isEqualTo("vmc-copy-1--the-destination-receives-the-source-as-it-was-before-the-call");
    }

    @Test
    void anchorsFollowMarkdownViewersRule() {
        assertThat(SpecLinks.anchor("VMC-SRC-3 · the source's max protection is not consulted"))
                .isEqualTo("vmc-src-3--the-sources-max-protection-is-not-consulted");
    }
}
