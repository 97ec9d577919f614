package vmck.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parse of SPEC.md's own Markdown format, with plain regular expressions over lines.
 *
 * <p>A <em>block</em> starts at a heading {@code ### ID · title} (ID {@code VMC-…}, {@code VMH-…}
 * or {@code AMB-nn}) and ends at the next heading of any level. Inside a block every non-blank line
 * is a field {@code - **Name:** value} or a continuation of the previous field (indented by two
 * spaces). Anything else, a repeated field, or an ID-like heading that does not match the block
 * pattern is a {@link SpecFormatException}.
 */
final class SpecDocument {

    static final Pattern ID_LIKE_HEADING = Pattern.compile("^###\\s+(VM[CH]|AMB)-.*$");
    static final Pattern BLOCK_HEADING =
            Pattern.compile("^### ((?:VM[CH]-[A-Z]+-\\d+)|(?:AMB-\\d{2})) · (\\S.*)$");
    static final Pattern ANY_HEADING = Pattern.compile("^#{1,6} .*$");
    static final Pattern FIELD = Pattern.compile("^- \\*\\*([A-Za-z][A-Za-z ]*):\\*\\* ?(.*)$");
    static final Pattern CONTINUATION = Pattern.compile("^  +(\\S.*)$");
    /** A clause ID mentioned anywhere in the text; ranges like VMC-ALIGN-1..3 yield their first ID. */
    static final Pattern CLAUSE_ID = Pattern.compile("\\bVM[CH]-[A-Z]+-\\d+\\b");
    static final Pattern AMB_ID = Pattern.compile("\\bAMB-\\d+\\b");

    /** One {@code ### ID · title} block with its fields, in order. */
    record Block(String id, String title, Map<String, String> fields, int line) {
        String field(String name) {
            return fields.get(name);
        }

        boolean isClause() {
            return id.startsWith("VM");
        }
    }

    /** Thrown for text that is not in SPEC.md's format; the message names the line. */
    static final class SpecFormatException extends RuntimeException {
        SpecFormatException(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    private final String text;
    private final List<Block> blocks;

    private SpecDocument(String text, List<Block> blocks) {
        this.text = text;
        this.blocks = List.copyOf(blocks);
    }

    static SpecDocument read(Path path) {
        try {
            return parse(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecDocument parse(String text) {
        List<String> lines = Arrays.asList(text.split("\\R", -1));
        List<Block> blocks = new ArrayList<>();
        String id = null;
        String title = null;
        int start = 0;
        Map<String, String> fields = null;
        String lastField = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (ANY_HEADING.matcher(line).matches()) {
                if (id != null) {
                    blocks.add(new Block(id, title, Collections.unmodifiableMap(fields), start));
                    id = null;
                }
                Matcher heading = BLOCK_HEADING.matcher(line);
                if (heading.matches()) {
                    id = heading.group(1);
                    title = heading.group(2).strip();
                    start = lineNo;
                    fields = new LinkedHashMap<>();
                    lastField = null;
                } else if (ID_LIKE_HEADING.matcher(line).matches()) {
                    throw new SpecFormatException(lineNo, "malformed block heading (want '### ID · title'): " + line);
                }
                continue;
            }
            if (id == null || line.isBlank()) {
                continue;
            }
            Matcher field = FIELD.matcher(line);
            Matcher continuation = CONTINUATION.matcher(line);
            if (field.matches()) {
                String name = field.group(1);
                if (fields.containsKey(name)) {
                    throw new SpecFormatException(lineNo, id + ": field '" + name + "' repeated");
                }
                fields.put(name, field.group(2).strip());
                lastField = name;
            } else if (continuation.matches() && lastField != null) {
                fields.put(lastField, (fields.get(lastField) + " " + continuation.group(1)).strip());
            } else {
                throw new SpecFormatException(lineNo, id + ": stray line inside a block: " + line);
            }
        }
        if (id != null) {
            blocks.add(new Block(id, title, Collections.unmodifiableMap(fields), start));
        }
        return new SpecDocument(text, blocks);
    }

    String text() {
        return text;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The clause blocks (VMC-/VMH-), in document order. */
    List<Block> clauses() {
        return blocks.stream().filter(Block::isClause).toList();
    }

    /** The ambiguity register rows (AMB-), in document order. */
    List<Block> registerRows() {
        return blocks.stream().filter(block -> !block.isClause()).toList();
    }

    /** Every clause ID mentioned anywhere in the text, in order of first mention. */
    Set<String> mentionedClauseIds() {
        return matches(CLAUSE_ID);
    }

    /** Every AMB ID mentioned anywhere in the text, in order of first mention. */
    Set<String> mentionedRegisterIds() {
        return matches(AMB_ID);
    }

    private Set<String> matches(Pattern pattern) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    /** The IDs in a field like {@code VMC-ZERO-1, VMC-ORDER-4}; empty for a blank or missing field. */
    static List<String> idList(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.split(",")).map(String::strip).toList();
    }
}
