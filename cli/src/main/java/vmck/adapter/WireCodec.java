package vmck.adapter;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.scenario.Call;
import vmck.json.CallJson;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/**
 * Protocol v1 encoding (spec/PROTOCOL.md): calls to request lines, response lines to replies.
 * Decoding is strict: anything the contract does not allow is a {@link WireException} naming the
 * request (id and op) and the field, because a lenient harness would blame vm_copy for a broken
 * adapter.
 */
public final class WireCodec {

    /** The protocol version this codec speaks. */
    public static final int PROTOCOL_VERSION = 1;
    /** Capability: vm_read answers {@code "digest"} (FNV-1a 64, {@link vmck.scenario.ReadDigest}) when asked. */
    public static final String READ_DIGEST = "vm_read_digest";
    /** Capability: vm_write takes {@code size} and {@code pattern} ({@link vmck.scenario.Pattern}) instead of data. */
    public static final String WRITE_PATTERN = "vm_write_pattern";
    /** The optional capabilities vmck offers in hello, for the adapter to pick from. */
    static final List<String> CAPABILITIES = List.of(READ_DIGEST, WRITE_PATTERN);

    /**
     * Line length is bounded by the line reader, not by Jackson: a 16 MiB line legitimately holds a
     * 12 MiB base64 string, beyond Jackson's default string limit.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireCodec() {
    }

    /**
     * One request as sent: its id, op, a human description for failure messages, its JSON line, and
     * the scenario call it carries (null for hello, task set-up and quit).
     */
    record Request(long id, String op, String description, String line, Call call, boolean digestAsked) {
        Request(long id, String op, String description, String line, Call call) {
            this(id, op, description, line, call, false);
        }
    }

    // ----- requests -------------------------------------------------------------------------

    static Request hello(long id) {
        ObjectNode node = object(id, "hello");
        CAPABILITIES.forEach(node.putArray("capabilities")::add);
        return request(id, "hello", "hello", node);
    }

    static Request taskCreate(long id) {
        return request(id, "task_create", "task_create", object(id, "task_create"));
    }

    static Request taskTerminate(long id, long task, String role) {
        ObjectNode node = object(id, "task_terminate").put("task", task);
        return request(id, "task_terminate", "task_terminate(" + role + " task " + task + ")", node);
    }

    static Request quit(long id) {
        return request(id, "quit", "quit", object(id, "quit"));
    }

    /**
     * The request for {@code call} with id {@code id}; the call's task slot is replaced by
     * {@code handles[slot]} (slot 0 live, slot 1 dead).
     */
    static Request call(long id, Call call, long[] handles) {
        return call(id, call, handles, java.util.Set.of(), false);
    }

    /**
     * The request for {@code call} using the negotiated {@code capabilities}: vm_write by pattern
     * when the adapter takes it, vm_read asking for a digest when {@code digest} (and negotiated).
     */
    static Request call(long id, Call call, long[] handles, java.util.Set<String> capabilities, boolean digest) {
        // The fields are the trace's (CallJson); the wire differs only in the task handle and vm_write's bytes.
        ObjectNode node = object(id, call.op());
        node.setAll(CallJson.toJson(call));
        node.put("task", handle(handles, call.task()));
        if (call instanceof Call.VmWrite write && !capabilities.contains(WRITE_PATTERN)) {
            node.remove(List.of("size", "pattern"));
            node.put("data", Base64.getEncoder().encodeToString(write.data()));
        }
        boolean digestAsked = call instanceof Call.VmRead && digest && capabilities.contains(READ_DIGEST);
        if (digestAsked) {
            node.put("digest", true);
        }
        return new Request(id, call.op(), call.describe(), line(node), call, digestAsked);
    }

    // ----- responses ------------------------------------------------------------------------

    /**
     * Parses a response line and checks its envelope: a JSON object echoing {@code request}'s id,
     * and not an error reply.
     */
    static Fields response(String line, Request request) throws WireException {
        String context = "response to request #" + request.id() + " (" + request.op() + ")";
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new WireException(context + " is not JSON: " + preview(line) + " ("
                    + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new WireException(context + " is not a JSON object: " + preview(line));
        }
        Fields fields = new Fields(node, context);
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            throw new WireException(context + " has no \"id\": " + preview(line));
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() != request.id()) {
            throw new WireException(context + " has \"id\": " + id + " where " + request.id()
                    + " was expected (responses must come one per request, in request order)");
        }
        JsonNode error = node.get("error");
        if (error != null) {
            JsonNode message = node.get("message");
            throw new WireException(context + " is an error reply: " + error
                    + (message == null ? "" : ": " + message.asText()));
        }
        return fields;
    }

    /** The reply to {@code call} from a checked response. */
    static Reply reply(Call call, Fields response) throws WireException {
        return reply(call, response, false);
    }

    /** The reply to {@code call}; a vm_read asked for a digest may answer one instead of its data. */
    static Reply reply(Call call, Fields response, boolean digestAsked) throws WireException {
        int kr = response.kr();
        boolean success = kr == 0;
        if (call instanceof Call.VmAllocate) {
            return Reply.allocated(kr, response.hex("address", success));
        }
        if (call instanceof Call.VmRead) {
            if (success && digestAsked && response.node().has("digest") && !response.node().has("data")) {
                return Reply.readDigest(response.hex("digest", true));
            }
            return Reply.read(kr, success ? response.base64("data") : null);
        }
        if (call instanceof Call.VmRegion) {
            return Reply.region(kr, response.hex("address", success), response.hex("size", success),
                    response.integer("protection", success), response.integer("max_protection", success));
        }
        return Reply.of(kr);
    }

    /** What an adapter says about itself in answer to {@code hello}, with the optional capabilities it takes up. */
    record Hello(String name, String version, Geometry geometry, java.util.Set<String> capabilities) {
        Hello(String name, String version, Geometry geometry) {
            this(name, version, geometry, java.util.Set.of());
        }
    }

    static Hello hello(Fields response) throws WireException {
        int protocol = response.integer("protocol", true);
        if (protocol != PROTOCOL_VERSION) {
            throw new WireException(response.context() + " speaks protocol " + protocol + ", vmck speaks "
                    + PROTOCOL_VERSION);
        }
        String name = response.text("name");
        String version = response.text("version");
        int pageSize = response.integer("page_size", true);
        long min = response.hex("min_address", true);
        long max = response.hex("max_address", true);
        int bits = response.integer("address_bits", true);
        java.util.Set<String> capabilities = new java.util.TreeSet<>();
        JsonNode offered = response.node().get("capabilities");
        if (offered != null && !offered.isNull()) {
            if (!offered.isArray()) {
                throw new WireException(response.context() + ": field \"capabilities\" is " + offered + ", expected an array of strings");
            }
            for (JsonNode capability : offered) {
                if (!capability.isTextual()) {
                    throw new WireException(response.context() + ": field \"capabilities\" holds " + capability + ", expected strings");
                }
                if (CAPABILITIES.contains(capability.textValue())) { // one vmck did not offer is ignored
                    capabilities.add(capability.textValue());
                }
            }
        }
        try {
            return new Hello(name, version, new Geometry(pageSize, bits, min, max), java.util.Set.copyOf(capabilities));
        } catch (IllegalArgumentException e) {
            throw new WireException(response.context() + " describes an impossible geometry: " + e.getMessage());
        }
    }

    // ----- values ---------------------------------------------------------------------------

    /** An address, size or count as the wire carries it: unsigned hex with {@code 0x}. */
    public static String hex(long value) {
        return Geometry.hex(value);
    }

    /** Parses {@code 0x} and 1 to 16 hex digits as an unsigned 64-bit value; null if malformed. */
    static Long parseHex(String text) {
        try {
            return CallJson.parseHex("value", text);
        } catch (CallJson.FieldException e) {
            return null;
        }
    }

    static String preview(String line) {
        return line.length() <= 200 ? quote(line) : quote(line.substring(0, 200)) + "... (" + line.length() + " chars)";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object(Object id, String op) {
        ObjectNode node = JSON.createObjectNode();
        if (id instanceof Long l) {
            node.put("id", l);
        } else {
            node.putNull("id");
        }
        if (op != null) {
            node.put("op", op);
        }
        return node;
    }

    static String line(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request request(long id, String op, String description, ObjectNode node) {
        return new Request(id, op, description, line(node), null);
    }

    private static long handle(long[] handles, int slot) {
        if (slot < 0 || slot >= handles.length) {
            throw new IllegalArgumentException("no task in slot " + slot);
        }
        return handles[slot];
    }

    /** Typed, checked access to a JSON object's fields; errors name the context and the field. */
    static final class Fields {
        private final JsonNode node;
        private final String context;

        Fields(JsonNode node, String context) {
            this.node = node;
            this.context = context;
        }

        String context() {
            return context;
        }

        JsonNode node() {
            return node;
        }

        /** kern_return_t: a 32-bit integer; unsigned spellings up to 0xffffffff are accepted. */
        int kr() throws WireException {
            JsonNode value = require("kr");
            if (!value.isIntegralNumber() || !value.canConvertToLong()
                    || value.longValue() < Integer.MIN_VALUE || value.longValue() > 0xFFFF_FFFFL) {
                throw bad("kr", value, "a 32-bit integer kern_return_t");
            }
            return (int) value.longValue();
        }

        int integer(String field, boolean required) throws WireException {
            JsonNode value = required ? require(field) : node.get(field);
            if (value == null) {
                return 0;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw bad(field, value, "a 32-bit integer");
            }
            return value.intValue();
        }

        long taskHandle(String field) throws WireException {
            JsonNode value = require(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw bad(field, value, "an integer task handle");
            }
            return value.longValue();
        }

        long hex(String field, boolean required) throws WireException {
            JsonNode value = required ? require(field) : node.get(field);
            if (value == null) {
                return 0;
            }
            Long parsed = value.isTextual() ? parseHex(value.textValue()) : null;
            if (parsed == null) {
                throw bad(field, value, "a string of 0x and 1 to 16 hex digits");
            }
            return parsed;
        }

        boolean bool(String field) throws WireException {
            JsonNode value = require(field);
            if (!value.isBoolean()) {
                throw bad(field, value, "true or false");
            }
            return value.booleanValue();
        }

        String text(String field) throws WireException {
            JsonNode value = require(field);
            if (!value.isTextual()) {
                throw bad(field, value, "a string");
            }
            return value.textValue();
        }

        /** Padded RFC 4648 base64, standard alphabet. */
        byte[] base64(String field) throws WireException {
            JsonNode value = require(field);
            if (!value.isTextual() || value.textValue().length() % 4 != 0) {
                throw bad(field, value, "padded base64");
            }
            try {
                return Base64.getDecoder().decode(value.textValue());
            } catch (IllegalArgumentException e) {
                throw bad(field, value, "padded base64 (" + e.getMessage() + ")");
            }
        }

        private JsonNode require(String field) throws WireException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new WireException(context + " lacks field \"" + field + "\"");
            }
            return value;
        }

        private WireException bad(String field, JsonNode value, String expected) {
            String shown = value.toString();
            if (shown.length() > 80) {
                shown = shown.substring(0, 80) + "...";
            }
            return new WireException(context + ": field \"" + field + "\" is " + shown + ", expected " + expected);
        }
    }
}
