package vmck.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vmck.spec.KernReturn;

/** The ambiguity register's fields as SPEC.md writes them, read for {@link RegisterRowTest}. */
final class RegisterText {

    private static final Pattern ROW = Pattern.compile("^### (AMB-\\d{2}) · .*$");
    private static final Pattern FIELD = Pattern.compile("^- \\*\\*([A-Za-z][A-Za-z ]*):\\*\\* ?(.*)$");
    private static final Pattern CODE = Pattern.compile("`((?:KERN|MACH)_[A-Z_]+)`");

    private RegisterText() {
    }

    /** Row ID to its fields (name to text), for every register row of SPEC.md. */
    static Map<String, Map<String, String>> read() throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(specMd())) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                current = new LinkedHashMap<>();
                rows.put(row.group(1), current);
                continue;
            }
            if (line.startsWith("#")) {
                current = null;
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (current != null && field.matches()) {
                current.put(field.group(1), field.group(2).strip());
            }
        }
        return rows;
    }

    /** The codes named in the field's first {...}, or null when it has none (the text does not decide). */
    static Set<Integer> codesInBraces(String field) {
        int open = field.indexOf('{');
        int close = field.indexOf('}');
        if (open < 0 || close < open) {
            return null;
        }
        Set<Integer> codes = new TreeSet<>();
        Matcher code = CODE.matcher(field.substring(open, close));
        while (code.find()) {
            codes.add(KernReturn.valueOf(code.group(1)).code());
        }
        return codes;
    }

    private static Path specMd() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("spec/SPEC.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("spec/SPEC.md not found above " + Path.of("").toAbsolutePath());
    }
}
