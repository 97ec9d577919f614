package vmck.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import vmck.spec.Clause;

/**
 * Where each clause stands in SPEC.md, which the kit's jar carries (copied from {@code spec/SPEC.md}
 * at build time): the test source of a clause's test, so an IDE opens the clause's heading, and the
 * heading's anchor, so a reader finds it on any Markdown viewer.
 */
final class SpecLinks {

    /** The class-path resource the kit's build copies SPEC.md to. */
    static final String RESOURCE = "vmck/junit/SPEC.md";

    /** Heading text (without "### ") and 1-based line, by clause ID. */
    private final Map<String, String> headings = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private SpecLinks() {
    }

    static SpecLinks load() {
        SpecLinks links = new SpecLinks();
        InputStream in = SpecLinks.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return links; // a kit built without it: links fall back to the anchor alone
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.startsWith("### ")) {
                    String heading = line.substring(4).trim();
                    String id = heading.split(" ", 2)[0];
                    links.headings.putIfAbsent(id, heading);
                    links.lines.putIfAbsent(id, number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the kit's jar", e);
        }
        return links;
    }

    /** The clause's heading line in SPEC.md, or 0 when the kit carries no SPEC.md. */
    int line(Clause clause) {
        return lines.getOrDefault(clause.id(), 0);
    }

    /** The heading's anchor as Markdown viewers make it, e.g. {@code vmc-copy-1--the-destination-receives-…}. */
    String anchor(Clause clause) {
        return anchor(headings.getOrDefault(clause.id(), clause.id() + " · " + clause.title()));
    }

    /**
     * {@code classpath:/vmck/junit/SPEC.md?line=N#anchor}: JUnit turns the path and line into a
     * class-path resource source an IDE can open at the heading; the fragment names the anchor.
     */
    URI uri(Clause clause) {
        int line = line(clause);
        return URI.create("classpath:/" + RESOURCE + (line > 0 ? "?line=" + line : "") + "#" + anchor(clause));
    }

    /** GitHub's rule: lower case, drop all but letters, digits, spaces, hyphens and underscores, spaces become hyphens. */
    static String anchor(String heading) {
        StringBuilder out = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }
}
