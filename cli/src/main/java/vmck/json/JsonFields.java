package vmck.json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict, typed reading of one JSON object's fields, the one reader of traces, vectors and protocol
 * v1 lines: a missing field, a wrong type or a malformed value is a {@link JsonFormatException}
 * naming where the object is and the field's path ({@code expected.mach3.kr}). A JSON null counts
 * as missing.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String where;
    private final String path;

    private JsonFields(JsonNode node, String where, String path) {
        this.node = node;
        this.where = where;
        this.path = path;
    }

    /** The fields of {@code node}, which must be a JSON object; {@code where} names it in messages ("" for nothing). */
    public static JsonFields of(JsonNode node, String where) throws JsonFormatException {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException(prefix(where) + "expected a JSON object");
        }
        return new JsonFields(node, where, "");
    }

    /** The object in field {@code name} (or at {@code name} such as {@code layout[3]}), read with this one's place. */
    public JsonFields nested(String name, JsonNode value) throws JsonFormatException {
        if (value == null || !value.isObject()) {
            throw error(name, "expected a JSON object, got " + (value == null ? "nothing" : value.getNodeType()));
        }
        return new JsonFields(value, where, path + name + ".");
    }

    public JsonFields object(String field) throws JsonFormatException {
        return nested(field, require(field));
    }

    /** Rejects any field not in {@code allowed}. */
    public JsonFields allowOnly(Set<String> allowed) throws JsonFormatException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field");
            }
        }
        return this;
    }

    public String where() {
        return where;
    }

    public JsonNode node() {
        return node;
    }

    /** True when the field is present and not null. */
    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A problem with a field's value: {@code <where>: field "<path>": <problem>}. */
    public JsonFormatException error(String field, String problem) {
        return new JsonFormatException(prefix(where) + "field \"" + path + field + "\": " + problem);
    }

    public JsonNode require(String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new JsonFormatException((where.isEmpty() ? "" : where + " ") + "lacks field \"" + path + field + "\"");
        }
        return value;
    }

    /** The field's value when {@code ok} accepts it; else an error saying it should be {@code expected}. */
    private JsonNode typed(String field, Predicate<JsonNode> ok, String expected) throws JsonFormatException {
        JsonNode value = require(field);
        if (!ok.test(value)) {
            throw bad(field, value, expected);
        }
        return value;
    }

    public String text(String field) throws JsonFormatException {
        return typed(field, JsonNode::isTextual, "a string").textValue();
    }

    public int integer(String field) throws JsonFormatException {
        return integer(field, true);
    }

    /** A 32-bit integer; 0 when an optional field is absent. */
    public int integer(String field, boolean required) throws JsonFormatException {
        if (!required && !has(field)) {
            return 0;
        }
        return typed(field, value -> value.isIntegralNumber() && value.canConvertToInt(), "a 32-bit integer").intValue();
    }

    /**
     * A 32-bit value the contract sends as a JSON integer but a writer may send as a hex string, as
     * it sends sizes ({@code page_size}: spec/PROTOCOL.md accepts both).
     */
    public int integerOrHex(String field) throws JsonFormatException {
        if (has(field) && node.get(field).isTextual()) {
            return (int) (long) parseHex(typed(field, value -> {
                Long parsed = parseHex(value.textValue());
                return parsed != null && parsed <= Integer.MAX_VALUE;
            }, "a 32-bit integer, or a string of 0x and hex digits").textValue());
        }
        return integer(field);
    }

    /** A task handle: any 64-bit integer. */
    public long taskHandle(String field) throws JsonFormatException {
        return integer64(field, "an integer task handle");
    }

    /** A 64-bit integer (a count, a seed, milliseconds). */
    public long longInteger(String field) throws JsonFormatException {
        return integer64(field, "a 64-bit integer");
    }

    private long integer64(String field, String expected) throws JsonFormatException {
        return typed(field, value -> value.isIntegralNumber() && value.canConvertToLong(), expected).longValue();
    }

    /** Field {@code kr}: a 32-bit kern_return_t; unsigned spellings up to 0xffffffff are accepted. */
    public int kr() throws JsonFormatException {
        return (int) typed("kr", value -> value.isIntegralNumber() && value.canConvertToLong()
                && value.longValue() >= Integer.MIN_VALUE && value.longValue() <= 0xFFFF_FFFFL,
                "a 32-bit integer kern_return_t").longValue();
    }

    public boolean bool(String field) throws JsonFormatException {
        return typed(field, JsonNode::isBoolean, "true or false").booleanValue();
    }

    public long hex(String field) throws JsonFormatException {
        return hex(field, true);
    }

    /** An address, size or count: {@code 0x} and 1 to 16 hex digits, unsigned 64-bit; 0 when an optional field is absent. */
    public long hex(String field, boolean required) throws JsonFormatException {
        if (!required && !has(field)) {
            return 0;
        }
        JsonNode value = require(field);
        Long parsed = value.isTextual() ? parseHex(value.textValue()) : null; // parsed once: every reply has hex fields
        if (parsed == null) {
            throw bad(field, value, HEX);
        }
        return parsed;
    }

    /** Padded RFC 4648 base64, standard alphabet. */
    public byte[] base64(String field) throws JsonFormatException {
        JsonNode value = typed(field, text -> text.isTextual() && text.textValue().length() % 4 == 0, "padded base64");
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw bad(field, value, "padded base64 (" + e.getMessage() + ")");
        }
    }

    public JsonNode array(String field) throws JsonFormatException {
        JsonNode value = require(field);
        if (!value.isArray()) {
            throw error(field, "expected an array, got " + value.getNodeType());
        }
        return value;
    }

    public List<Integer> integers(String field) throws JsonFormatException {
        JsonNode value = array(field);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw error(field + "[" + i + "]", "expected an integer, got " + item);
            }
            out.add(item.intValue());
        }
        return out;
    }

    /** Compiled once: String.matches compiles its pattern on every call, and every reply has hex. */
    private static final java.util.regex.Pattern HEX_TEXT = java.util.regex.Pattern.compile("0x[0-9a-fA-F]{1,16}");

    /** What a hex value must look like, as messages say it. */
    static final String HEX = "0x-prefixed hex of 1 to 16 digits";

    /** Parses {@code 0x} and 1 to 16 hex digits as an unsigned 64-bit value; null if malformed. */
    public static Long parseHex(String text) {
        if (text == null || !HEX_TEXT.matcher(text).matches()) {
            return null;
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** A hex value given outside JSON (a command-line option), with the same rule and message. */
    public static long parseHex(String name, String text) throws JsonFormatException {
        Long parsed = parseHex(text);
        if (parsed == null) {
            throw new JsonFormatException(name + ": expected " + HEX + ", got " + (text == null ? "nothing" : "\"" + text + "\""));
        }
        return parsed;
    }

    private JsonFormatException bad(String field, JsonNode value, String expected) {
        String shown = value.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "...";
        }
        return new JsonFormatException(prefix(where) + "field \"" + path + field + "\" is " + shown + ", expected " + expected);
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }
}
