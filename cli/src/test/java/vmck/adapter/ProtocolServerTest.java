package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vmck.model.ReferenceVm;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

class ProtocolServerTest {

    private static List<JsonNode> serve(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtocolServer(new ReferenceVm(Profiles.MACH3, Geometry.X86_64), "9.9")
                .serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return WireCodec.JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("server wrote a non-JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void helloDescribesTheImplementation() throws IOException {
        JsonNode hello = serve("{\"id\":1,\"op\":\"hello\"}\n").get(0);
        assertThat(hello.get("id").asLong()).isEqualTo(1);
        assertThat(hello.get("protocol").asInt()).isEqualTo(1);
        assertThat(hello.get("name").asText()).contains("mach3");
        assertThat(hello.get("version").asText()).isEqualTo("9.9");
        assertThat(hello.get("page_size").asInt()).isEqualTo(4096);
        assertThat(hello.get("min_address").asText()).isEqualTo("0x1000");
        assertThat(hello.get("max_address").asText()).isEqualTo("0x800000000000");
        assertThat(hello.get("address_bits").asInt()).isEqualTo(64);
    }

    @Test
    void answersPipelinedRequestsInOrderWithTheVmsHandles() throws IOException {
        String page = java.util.Base64.getEncoder().encodeToString(new byte[4096]).replaceFirst("^AAAA", "AQID");
        List<JsonNode> responses = serve("""
                {"id":1,"op":"task_create"}
                {"id":2,"op":"vm_allocate","task":1,"address":"0x0","size":"0x2000","anywhere":true}
                {"id":3,"op":"vm_write","task":1,"address":"0x1000","data":"%s"}
                {"id":4,"op":"vm_read","task":1,"address":"0x1000","size":"0x3"}
                {"id":5,"op":"vm_region","task":1,"address":"0x0"}
                """.formatted(page));
        assertThat(responses.get(2).get("kr").asInt()).isZero();
        assertThat(responses).extracting(r -> r.get("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(responses.get(0).get("task").asLong()).isEqualTo(1);
        assertThat(responses.get(1).get("address").asText()).isEqualTo("0x1000");
        assertThat(responses.get(3).get("data").asText()).isEqualTo("AQID");
        assertThat(responses.get(4).get("size").asText()).isEqualTo("0x2000");
    }

    @Test
    void malformedLinesGetANullIdAndBadFieldsEchoTheId() throws IOException {
        List<JsonNode> responses = serve("""
                not json
                {"op":"hello"}
                {"id":7,"op":"vm_copy","task":1,"source_address":"4096","count":"0x0","dest_address":"0x0"}
                {"id":8}
                """);
        assertThat(responses).hasSize(4);
        assertThat(responses.get(0).get("id").isNull()).isTrue();
        assertThat(responses.get(0).get("error").asText()).isEqualTo("malformed");
        assertThat(responses.get(1).get("id").isNull()).isTrue();
        assertThat(responses.get(2).get("id").asLong()).isEqualTo(7);
        assertThat(responses.get(2).get("message").asText()).contains("source_address");
        assertThat(responses.get(3).get("id").asLong()).isEqualTo(8);
        assertThat(responses.get(3).get("error").asText()).isEqualTo("malformed");
    }

    @Test
    void overlongRequestIsMalformedAndServingGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = "{\"id\":1,\"op\":\"vm_write\",\"data\":\"" + "A".repeat(10_000) + "\"}\n{\"id\":2,\"op\":\"quit\"}\n";
        new ProtocolServer(new ReferenceVm(Profiles.MACH3, Geometry.X86_64), "t", 1000)
                .serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"id\":null").contains("malformed").contains("longer than 1000 bytes");
        assertThat(lines.get(1)).isEqualTo("{\"id\":2}");
    }

    @Test
    void unknownOpIsUnsupported() throws IOException {
        JsonNode response = serve("{\"id\":3,\"op\":\"vm_map\"}\n").get(0);
        assertThat(response.get("id").asLong()).isEqualTo(3);
        assertThat(response.get("error").asText()).isEqualTo("unsupported");
        assertThat(response.get("message").asText()).contains("vm_map");
    }

    @Test
    void quitIsAnsweredWithTheBareIdAndEndsServing() throws IOException {
        List<JsonNode> responses = serve("{\"id\":1,\"op\":\"quit\"}\n{\"id\":2,\"op\":\"hello\"}\n");
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).toString()).isEqualTo("{\"id\":1}");
    }
}
