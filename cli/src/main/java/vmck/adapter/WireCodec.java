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
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/**
 * Protocol v1 encoding (spec/PROTOCOL.md): calls to request lines, response lines to replies.
 * Decoding is strict: anything the contract does not allow is a {@link JsonFormatException} naming the
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
    record Request(long id, String op, String label, String line, Call call, boolean digestAsked) {
        Request(long id, String op, String label, String line, Call call) {
            this(id, op, label, line, call, false);
        }

        /** What failure messages call the request: a scenario call's description, made only when asked. */
        String description() {
            return call != null ? call.describe() : label;
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
        return new Request(id, call.op(), null, line(node), call, digestAsked);
    }

    // ----- responses ------------------------------------------------------------------------

    /**
     * Parses a response line and checks its envelope: a JSON object echoing {@code request}'s id,
     * and not an error reply.
     */
    static JsonFields response(String line, Request request) throws JsonFormatException {
        String context = "response to request #" + request.id() + " (" + request.op() + ")";
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(context + " is not JSON: " + preview(line) + " ("
                    + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new JsonFormatException(context + " is not a JSON object: " + preview(line));
        }
        JsonFields fields = JsonFields.of(node, context);
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            throw new JsonFormatException(context + " has no \"id\": " + preview(line));
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() != request.id()) {
            throw new JsonFormatException(context + " has \"id\": " + id + " where " + request.id()
                    + " was expected (responses must come one per request, in request order)");
        }
        JsonNode error = node.get("error");
        if (error != null) {
            JsonNode message = node.get("message");
            throw new JsonFormatException(context + " is an error reply: " + error
                    + (message == null ? "" : ": " + message.asText()));
        }
        return fields;
    }

    /** The reply to {@code call} from a checked response. */
    static Reply reply(Call call, JsonFields response) throws JsonFormatException {
        return reply(call, response, false);
    }

    /** The reply to {@code call}; a vm_read asked for a digest may answer one instead of its data. */
    static Reply reply(Call call, JsonFields response, boolean digestAsked) throws JsonFormatException {
        int kr = response.kr();
        boolean success = kr == 0;
        return call.accept(new Call.Otherwise<Reply, JsonFormatException>() {
            protected Reply otherwise(Call other) {
                return Reply.of(kr); // the code alone
            }

            public Reply allocate(Call.VmAllocate c) throws JsonFormatException {
                return Reply.allocated(kr, response.hex("address", success));
            }

            public Reply read(Call.VmRead c) throws JsonFormatException {
                if (success && digestAsked && response.has("digest") && !response.has("data")) {
                    return Reply.readDigest(response.hex("digest"));
                }
                return Reply.read(kr, success ? response.base64("data") : null);
            }

            public Reply region(Call.VmRegion c) throws JsonFormatException {
                return Reply.region(kr, response.hex("address", success), response.hex("size", success),
                        response.integer("protection", success), response.integer("max_protection", success));
            }
        });
    }

    /** What an adapter says about itself in answer to {@code hello}, with the optional capabilities it takes up. */
    record Hello(String name, String version, Geometry geometry, java.util.Set<String> capabilities) {
        Hello(String name, String version, Geometry geometry) {
            this(name, version, geometry, java.util.Set.of());
        }
    }

    static Hello hello(JsonFields response) throws JsonFormatException {
        int protocol = response.integer("protocol");
        if (protocol != PROTOCOL_VERSION) {
            throw new JsonFormatException(response.where() + " speaks protocol " + protocol + ", vmck speaks "
                    + PROTOCOL_VERSION);
        }
        java.util.Set<String> capabilities = new java.util.TreeSet<>();
        if (response.has("capabilities") && !response.node().get("capabilities").isNull()) {
            JsonNode offered = response.array("capabilities");
            for (int i = 0; i < offered.size(); i++) {
                JsonNode capability = offered.get(i);
                if (!capability.isTextual()) {
                    throw response.error("capabilities[" + i + "]", "expected a string, got " + capability);
                }
                if (CAPABILITIES.contains(capability.textValue())) { // one vmck did not offer is ignored
                    capabilities.add(capability.textValue());
                }
            }
        }
        return new Hello(response.text("name"), response.text("version"), CallJson.geometry(response),
                java.util.Set.copyOf(capabilities));
    }

    // ----- values ---------------------------------------------------------------------------

    /** An address, size or count as the wire carries it: unsigned hex with {@code 0x}. */
    public static String hex(long value) {
        return Geometry.hex(value);
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
}
