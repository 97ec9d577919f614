package vmck.json;

import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.scenario.Call;
import vmck.scenario.Reply;
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

    /** The call in {@code fields}; a {@code task} is a slot, 0 (live) or 1 (dead). */
    public static Call fromJson(JsonFields fields) throws JsonFormatException {
        String op = fields.text("op");
        int task = fields.integer("task");
        if (task != Call.LIVE_TASK && task != Call.DEAD_TASK) {
            throw fields.error("task", "a trace names task slot 0 (live) or 1 (dead), got " + task);
        }
        return switch (op) {
            case "vm_allocate" -> new Call.VmAllocate(task, fields.hex("address"), fields.hex("size"), fields.bool("anywhere"));
            case "vm_deallocate" -> new Call.VmDeallocate(task, fields.hex("address"), fields.hex("size"));
            case "vm_protect" -> new Call.VmProtect(task, fields.hex("address"), fields.hex("size"),
                    fields.bool("set_maximum"), fields.integer("new_protection"));
            case "vm_write" -> {
                long size = fields.hex("size");
                if (Long.compareUnsigned(size, 1 << 24) > 0) {
                    throw fields.error("size", "at most 16 MiB per vm_write");
                }
                int pattern = fields.integer("pattern");
                if (pattern < 0) {
                    // Patterns are numbered from 0 (the generator counts them up); a negative one could never have been
                    // recorded, and adapters take it unsigned (vmck-gnumach refuses it).
                    throw fields.error("pattern", "a pattern number is 0 or more, got " + pattern);
                }
                yield new Call.VmWrite(task, fields.hex("address"), (int) size, pattern);
            }
            case "vm_copy" -> new Call.VmCopy(task, fields.hex("source_address"), fields.hex("count"), fields.hex("dest_address"));
            case "vm_read" -> new Call.VmRead(task, fields.hex("address"), fields.hex("size"));
            case "vm_region" -> new Call.VmRegion(task, fields.hex("address"));
            default -> throw fields.error("op", "unknown op \"" + op + "\"");
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

    /** A reply as a trace keeps it: only {@code kr} is required. */
    public static Reply replyFromJson(JsonFields fields) throws JsonFormatException {
        return new Reply(fields.integer("kr"), fields.hex("address", false), fields.hex("size", false),
                fields.integer("protection", false), fields.integer("max_protection", false),
                fields.has("data") ? fields.base64("data") : null);
    }

    /** A geometry's four fields ({@code page_size}, {@code address_bits}, {@code min_address}, {@code max_address}) into {@code node}. */
    public static ObjectNode putGeometry(ObjectNode node, Geometry geometry) {
        return node.put("page_size", geometry.pageSize()).put("address_bits", geometry.addressBits())
                .put("min_address", hex(geometry.minAddress())).put("max_address", hex(geometry.maxAddress()));
    }

    /** The geometry in {@code fields}' four geometry fields; an impossible one is named as such. */
    public static Geometry geometry(JsonFields fields) throws JsonFormatException {
        int pageSize = fields.integerOrHex("page_size");
        int bits = fields.integer("address_bits");
        long min = fields.hex("min_address");
        long max = fields.hex("max_address");
        try {
            return new Geometry(pageSize, bits, min, max);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(fields.where() + (fields.where().isEmpty() ? "" : ": ")
                    + "an impossible geometry: " + e.getMessage());
        }
    }

    public static String hex(long value) {
        return Geometry.hex(value);
    }
}
