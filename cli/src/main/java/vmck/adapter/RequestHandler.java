package vmck.adapter;

import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.json.CallJson;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.spec.Geometry;
import vmck.spec.MachVm;

/** Answers one protocol v1 request line by calling a {@link MachVm}: the adapter side of the codec. */
final class RequestHandler {

    private final MachVm vm;
    private final String version;
    private final boolean capabilities;

    RequestHandler(MachVm vm, String version) {
        this(vm, version, true);
    }

    /** @param capabilities whether to take up the optional capabilities vmck offers in hello */
    RequestHandler(MachVm vm, String version, boolean capabilities) {
        this.vm = vm;
        this.version = version;
        this.capabilities = capabilities;
    }

    /** A response; {@code last} when it answers quit, after which the server stops. */
    record Answer(ObjectNode response, boolean last) {
    }

    /** The response to one request line (never null, never throws). */
    Answer answer(String line) {
        JsonNode request;
        try {
            request = WireCodec.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Answer(error(null, "malformed", "not JSON: " + e.getOriginalMessage()), false);
        }
        ObjectNode response = respond(request);
        boolean quit = !response.has("error") && "quit".equals(request.path("op").textValue());
        return new Answer(response, quit);
    }

    private ObjectNode respond(JsonNode request) {
        if (request == null || !request.isObject()) {
            return error(null, "malformed", "a request must be a JSON object");
        }
        JsonNode idNode = request.get("id");
        if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong()) {
            return error(null, "malformed", "a request needs an integer \"id\"");
        }
        long id = idNode.longValue();
        JsonNode opNode = request.get("op");
        if (opNode == null || !opNode.isTextual()) {
            return error(id, "malformed", "a request needs a string \"op\"");
        }
        String op = opNode.textValue();
        try {
            return dispatch(id, op, JsonFields.of(request, "request #" + id + " (" + op + ")"));
        } catch (JsonFormatException e) {
            return error(id, "malformed", e.getMessage());
        } catch (RuntimeException e) {
            return error(id, "failed", "the implementation threw " + e);
        }
    }

    private ObjectNode dispatch(long id, String op, JsonFields in) throws JsonFormatException {
        ObjectNode out = WireCodec.object(id, null);
        switch (op) {
            case "hello" -> {
                Geometry g = vm.geometry();
                out.put("protocol", WireCodec.PROTOCOL_VERSION).put("name", vm.name()).put("version", version);
                CallJson.putGeometry(out, g);
                // Take up every optional capability vmck offers that this server has (all of them).
                if (capabilities) {
                    var taken = out.putArray("capabilities");
                    in.node().path("capabilities").forEach(offered -> {
                        if (WireCodec.CAPABILITIES.contains(offered.asText())) {
                            taken.add(offered.asText());
                        }
                    });
                }
            }
            case "task_create" -> {
                MachVm.TaskResult r = vm.taskCreate();
                out.put("kr", r.kr()).put("task", r.task());
            }
            case "task_terminate" -> out.put("kr", vm.taskTerminate(in.taskHandle("task")));
            case "vm_allocate" -> {
                MachVm.AllocateResult r = vm.vmAllocate(in.taskHandle("task"), in.hex("address"),
                        in.hex("size"), in.bool("anywhere"));
                out.put("kr", r.kr()).put("address", WireCodec.hex(r.address()));
            }
            case "vm_deallocate" -> out.put("kr",
                    vm.vmDeallocate(in.taskHandle("task"), in.hex("address"), in.hex("size")));
            case "vm_protect" -> out.put("kr", vm.vmProtect(in.taskHandle("task"), in.hex("address"),
                    in.hex("size"), in.bool("set_maximum"), in.integer("new_protection")));
            case "vm_read" -> {
                MachVm.ReadResult r = vm.vmRead(in.taskHandle("task"), in.hex("address"), in.hex("size"));
                out.put("kr", r.kr());
                if (r.kr() == 0 && r.data() != null) {
                    if (in.node().path("digest").asBoolean(false)) {
                        out.put("digest", WireCodec.hex(vmck.scenario.ReadDigest.of(r.data())));
                    } else {
                        out.put("data", Base64.getEncoder().encodeToString(r.data()));
                    }
                }
            }
            case "vm_write" -> out.put("kr", vm.vmWrite(in.taskHandle("task"), in.hex("address"),
                    in.has("pattern") && !in.has("data") ? patternBytes(in) : in.base64("data")));
            case "vm_copy" -> out.put("kr", vm.vmCopy(in.taskHandle("task"), in.hex("source_address"),
                    in.hex("count"), in.hex("dest_address")));
            case "vm_region" -> {
                MachVm.RegionResult r = vm.vmRegion(in.taskHandle("task"), in.hex("address"));
                out.put("kr", r.kr()).put("address", WireCodec.hex(r.address())).put("size", WireCodec.hex(r.size()))
                        .put("protection", r.protection()).put("max_protection", r.maxProtection());
            }
            case "quit" -> {
                // answered by the bare {"id":N} the protocol prescribes
            }
            default -> {
                return error(id, "unsupported", "op \"" + op + "\" is not part of protocol v1");
            }
        }
        return out;
    }

    /** vm_write by pattern (capability vm_write_pattern): {@code size} bytes of pattern {@code pattern}. */
    private static byte[] patternBytes(JsonFields in) throws JsonFormatException {
        long size = in.hex("size");
        if (Long.compareUnsigned(size, Integer.MAX_VALUE - 8) > 0) {
            throw in.error("size", "is too large for one write");
        }
        return vmck.scenario.Pattern.bytes(in.integer("pattern"), (int) size);
    }

    static ObjectNode error(Long id, String kind, String message) {
        return WireCodec.object(id, null).put("error", kind).put("message", message);
    }
}
