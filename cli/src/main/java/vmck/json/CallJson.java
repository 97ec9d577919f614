package vmck.json;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.scenario.*;
import vmck.spec.Geometry;

/**
 * Calls and replies as JSON objects in protocol v1's vocabulary ({@code op}, hex-string
 * addresses, integer {@code kr}), used by traces and vectors. {@code task} is the call's slot
 * (0 live, 1 dead). Parsing is strict and every error names the field at fault.
 */
public final class CallJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallJson() {
    }

    /** A field that is missing or malformed; the message names it. */
    public static final class FieldException extends Exception {
        public FieldException(String message) {
            super(message);
        }
    }

    public static ObjectNode toJson(Call call) {
        ObjectNode node = JSON.createObjectNode().put("op", call.op()).put("task", call.task());
        return call.accept(new Call.Visitor<ObjectNode, RuntimeException>() {
            public ObjectNode allocate(Call.VmAllocate c) {
                return node.put("address", hex(c.address())).put("size", hex(c.size())).put("anywhere", c.anywhere());
            }

            public ObjectNode deallocate(Call.VmDeallocate c) {
                return node.put("address", hex(c.address())).put("size", hex(c.size()));
            }

            public ObjectNode protect(Call.VmProtect c) {
                return node.put("address", hex(c.address())).put("size", hex(c.size()))
                        .put("set_maximum", c.setMaximum()).put("new_protection", c.newProtection());
            }

            public ObjectNode write(Call.VmWrite c) {
                return node.put("address", hex(c.address())).put("size", hex(c.size())).put("pattern", c.pattern());
            }

            public ObjectNode copy(Call.VmCopy c) {
                return node.put("source_address", hex(c.sourceAddress())).put("count", hex(c.count()))
                        .put("dest_address", hex(c.destAddress()));
            }

            public ObjectNode read(Call.VmRead c) {
                return node.put("address", hex(c.address())).put("size", hex(c.size()));
            }

            public ObjectNode region(Call.VmRegion c) {
                return node.put("address", hex(c.address()));
            }
        });
    }

    public static Call fromJson(JsonNode node) throws FieldException {
        if (node == null || !node.isObject()) {
            throw new FieldException("a call must be a JSON object");
        }
        String op = text(node, "op");
        int task = task(node);
        return switch (op) {
            case "vm_allocate" -> new Call.VmAllocate(task, hex(node, "address"), hex(node, "size"), bool(node, "anywhere"));
            case "vm_deallocate" -> new Call.VmDeallocate(task, hex(node, "address"), hex(node, "size"));
            case "vm_protect" -> new Call.VmProtect(task, hex(node, "address"), hex(node, "size"),
                    bool(node, "set_maximum"), integer(node, "new_protection"));
            case "vm_write" -> {
                long size = hex(node, "size");
                if (size > 1 << 24) {
                    throw new FieldException("field \"size\": at most 16 MiB per vm_write");
                }
                yield new Call.VmWrite(task, hex(node, "address"), (int) size, integer(node, "pattern"));
            }
            case "vm_copy" -> new Call.VmCopy(task, hex(node, "source_address"), hex(node, "count"), hex(node, "dest_address"));
            case "vm_read" -> new Call.VmRead(task, hex(node, "address"), hex(node, "size"));
            case "vm_region" -> new Call.VmRegion(task, hex(node, "address"));
            default -> throw new FieldException("field \"op\": unknown op \"" + op + "\"");
        };
    }

    public static ObjectNode toJson(Reply reply) {
        ObjectNode node = JSON.createObjectNode().put("kr", reply.kr());
        if (reply.address() != 0 || reply.size() != 0) {
            node.put("address", hex(reply.address())).put("size", hex(reply.size()));
        }
        if (reply.protection() != 0 || reply.maxProtection() != 0) {
            node.put("protection", reply.protection()).put("max_protection", reply.maxProtection());
        }
        if (reply.data() != null) {
            node.put("data", Base64.getEncoder().encodeToString(reply.data()));
        }
        return node;
    }

    public static Reply replyFromJson(JsonNode node) throws FieldException {
        if (node == null || !node.isObject()) {
            throw new FieldException("a reply must be a JSON object");
        }
        byte[] data = null;
        if (node.has("data")) {
            try {
                data = Base64.getDecoder().decode(text(node, "data"));
            } catch (IllegalArgumentException e) {
                throw new FieldException("field \"data\": not base64 (" + e.getMessage() + ")");
            }
        }
        return new Reply(integer(node, "kr"), optionalHex(node, "address"), optionalHex(node, "size"),
                node.has("protection") ? integer(node, "protection") : 0,
                node.has("max_protection") ? integer(node, "max_protection") : 0, data);
    }

    public static String hex(long value) {
        return Geometry.hex(value);
    }

    /** Parses {@code 0x}-prefixed unsigned hex, at most 64 bits. */
    public static long parseHex(String field, String text) throws FieldException {
        if (text == null || !text.matches("0x[0-9a-fA-F]{1,16}")) {
            throw new FieldException("field \"" + field + "\": expected 0x-prefixed hex of at most 16 digits, got " + quote(text));
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    private static long hex(JsonNode node, String field) throws FieldException {
        return parseHex(field, text(node, field));
    }

    private static long optionalHex(JsonNode node, String field) throws FieldException {
        return node.has(field) ? hex(node, field) : 0;
    }

    private static String text(JsonNode node, String field) throws FieldException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new FieldException("field \"" + field + "\": expected a string" + (value == null ? ", missing" : ", got " + value));
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) throws FieldException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new FieldException("field \"" + field + "\": expected an integer" + (value == null ? ", missing" : ", got " + value));
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode node, String field) throws FieldException {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new FieldException("field \"" + field + "\": expected true or false" + (value == null ? ", missing" : ", got " + value));
        }
        return value.booleanValue();
    }

    private static int task(JsonNode node) throws FieldException {
        int task = integer(node, "task");
        if (task != Call.LIVE_TASK && task != Call.DEAD_TASK) {
            throw new FieldException("field \"task\": a trace names task slot 0 (live) or 1 (dead), got " + task);
        }
        return task;
    }

    private static String quote(String text) {
        return text == null ? "nothing" : "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
}
