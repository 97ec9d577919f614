package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vmck.json.JsonFormatException;
import vmck.adapter.WireCodec.Request;
import vmck.model.ReferenceVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

class WireCodecTest {

    private static final Call COPY = new Call.VmCopy(Call.LIVE_TASK, 0x1000, 0x2000, 0xFFFF_FFFF_FFFF_F000L);
    private static final Request COPY_REQUEST = WireCodec.call(5, COPY, new long[] {42, 43});

    private static JsonNode json(String line) throws Exception {
        return WireCodec.JSON.readTree(line);
    }

    private static Reply decode(Call call, String line) throws JsonFormatException {
        Request request = WireCodec.call(5, call, new long[] {42, 43});
        return WireCodec.reply(call, WireCodec.response(line, request));
    }

    @Test
    void requestCarriesIdOpHandleAndUnsignedHex() throws Exception {
        JsonNode node = json(COPY_REQUEST.line());
        assertThat(node.get("id").asLong()).isEqualTo(5);
        assertThat(node.get("op").asText()).isEqualTo("vm_copy");
        assertThat(node.get("task").asLong()).isEqualTo(42);
        assertThat(node.get("source_address").asText()).isEqualTo("0x1000");
        assertThat(node.get("count").asText()).isEqualTo("0x2000");
        assertThat(node.get("dest_address").asText()).isEqualTo("0xfffffffffffff000");
        assertThat(COPY_REQUEST.description()).isEqualTo(COPY.describe());
    }

    @Test
    void deadSlotMapsToTheDeadHandleAndWriteDataIsPaddedBase64() throws Exception {
        JsonNode node = json(WireCodec.call(1, new Call.VmWrite(Call.DEAD_TASK, 0x2000, 2, 0), new long[] {7, 9}).line());
        assertThat(node.get("task").asLong()).isEqualTo(9);
        assertThat(node.get("data").asText()).hasSize(4).endsWith("=");
    }

    @Test
    void everyCallRoundTripsThroughServerSideToTheSameRepliesAsInProcess() throws AdapterFailure {
        List<Call> calls = List.of(
                new Call.VmAllocate(0, 0x10000, 0x4000, false),
                new Call.VmAllocate(0, 0, 0x2000, true),
                new Call.VmWrite(0, 0x10000, 0x2000, 3),
                new Call.VmWrite(0, 0x10010, 5000, 4),
                new Call.VmProtect(0, 0x13000, 0x1000, false, 1),
                new Call.VmCopy(0, 0x10000, 0x1000, 0x11000),
                new Call.VmCopy(0, 0x10000, 0x1000, 0x13000),
                new Call.VmRead(0, 0x11000, 0x1010),
                new Call.VmRead(0, 0x90000, 0x10),
                new Call.VmRegion(0, 0x12000),
                new Call.VmRegion(0, 0xB000_0000L),
                new Call.VmDeallocate(0, 0x10000, 0x1000),
                new Call.VmCopy(1, 0x10000, 0x1000, 0x11000),
                new Call.VmRead(1, 0x11000, 0x10));
        List<Reply> expected = new InProcessExecutor(ReferenceVmFactory::create).run(calls);

        RequestHandler handler = new RequestHandler(ReferenceVmFactory.create(), "test");
        long live = handler.answer(WireCodec.taskCreate(1).line()).response().get("task").asLong();
        long dead = handler.answer(WireCodec.taskCreate(2).line()).response().get("task").asLong();
        handler.answer(WireCodec.taskTerminate(3, dead, "dead").line());
        List<Reply> actual = new ArrayList<>();
        long id = 10;
        for (Call call : calls) {
            Request request = WireCodec.call(id++, call, new long[] {live, dead});
            String response = WireCodec.line(handler.answer(request.line()).response());
            try {
                actual.add(WireCodec.reply(call, WireCodec.response(response, request)));
            } catch (JsonFormatException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get(7).data()).hasSize(0x1010);
    }

    @Test
    void decodesUnsignedHexAndUnsignedKr() throws JsonFormatException {
        Reply reply = decode(new Call.VmRegion(0, 0), "{\"id\":5,\"kr\":0,\"address\":\"0xFFFFFFFFFFFFF000\","
                + "\"size\":\"0x1000\",\"protection\":3,\"max_protection\":7}");
        assertThat(reply).isEqualTo(Reply.region(0, 0xFFFF_FFFF_FFFF_F000L, 0x1000, 3, 7));
        assertThat(decode(COPY, "{\"id\":5,\"kr\":4294967295}").kr()).isEqualTo(-1);
        assertThat(decode(COPY, "{\"id\":5,\"kr\":268435459}").kr()).isEqualTo(0x10000003);
    }

    @Test
    void failedReadNeedsNoDataAndFailedRegionNoFields() throws JsonFormatException {
        assertThat(decode(new Call.VmRead(0, 0, 1), "{\"id\":5,\"kr\":1}")).isEqualTo(Reply.read(1, null));
        assertThat(decode(new Call.VmRegion(0, 0), "{\"id\":5,\"kr\":3}")).isEqualTo(Reply.region(3, 0, 0, 0, 0));
    }

    private static void assertRejected(Call call, String line, String... fragments) {
        assertThatThrownBy(() -> decode(call, line)).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("request #5 (" + call.op() + ")").hasMessageContaining(fragments[0])
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void rejectsWrongMissingOrNonIntegerId() {
        assertRejected(COPY, "{\"id\":6,\"kr\":0}", "\"id\": 6 where 5 was expected");
        assertRejected(COPY, "{\"kr\":0}", "has no \"id\"");
        assertRejected(COPY, "{\"id\":\"5\",\"kr\":0}", "\"id\": \"5\"");
        assertRejected(COPY, "{\"id\":5.0,\"kr\":0}", "\"id\": 5.0");
    }

    @Test
    void rejectsKrThatIsNotA32BitInteger() {
        assertRejected(COPY, "{\"id\":5,\"kr\":\"0\"}", "field \"kr\"", "integer");
        assertRejected(COPY, "{\"id\":5,\"kr\":0.5}", "field \"kr\"");
        assertRejected(COPY, "{\"id\":5,\"kr\":4294967296}", "field \"kr\"");
        assertRejected(COPY, "{\"id\":5}", "lacks field \"kr\"");
        assertRejected(COPY, "{\"id\":5,\"kr\":null}", "lacks field \"kr\"");
    }

    @Test
    void rejectsMalformedHex() {
        Call allocate = new Call.VmAllocate(0, 0, 0x1000, true);
        for (String bad : List.of("\"0x\"", "\"1000\"", "\"0x10g0\"", "\"0x10000000000000000\"", "4096", "\"-0x1\"",
                "\"0X1000\"")) {
            assertRejected(allocate, "{\"id\":5,\"kr\":0,\"address\":" + bad + "}", "field \"address\"", "hex");
        }
    }

    @Test
    void rejectsBadBase64() {
        Call read = new Call.VmRead(0, 0, 3);
        assertRejected(read, "{\"id\":5,\"kr\":0,\"data\":\"AQI\"}", "field \"data\"", "base64");
        assertRejected(read, "{\"id\":5,\"kr\":0,\"data\":\"AQ*D\"}", "field \"data\"", "base64");
        assertRejected(read, "{\"id\":5,\"kr\":0,\"data\":7}", "field \"data\"");
    }

    @Test
    void rejectsMissingFieldsOfASuccessfulReply() {
        assertRejected(new Call.VmRead(0, 0, 3), "{\"id\":5,\"kr\":0}", "lacks field \"data\"");
        assertRejected(new Call.VmAllocate(0, 0, 3, true), "{\"id\":5,\"kr\":0}", "lacks field \"address\"");
        assertRejected(new Call.VmRegion(0, 0), "{\"id\":5,\"kr\":0,\"address\":\"0x0\",\"size\":\"0x1000\","
                + "\"protection\":3}", "lacks field \"max_protection\"");
    }

    @Test
    void rejectsNonJsonNonObjectsTrailingGarbageDuplicateKeysAndErrorReplies() {
        assertRejected(COPY, "kr=0", "is not JSON");
        assertRejected(COPY, "[5,0]", "is not a JSON object");
        assertRejected(COPY, "{\"id\":5,\"kr\":0} {}", "is not JSON");
        assertRejected(COPY, "{\"id\":5,\"kr\":0,\"kr\":1}", "is not JSON");
        assertRejected(COPY, "{\"id\":5,\"error\":\"unsupported\",\"message\":\"no\"}", "error reply", "unsupported");
    }

    @Test
    void helloBuildsTheGeometryAndRejectsOtherProtocolsAndImpossibleGeometries() throws JsonFormatException {
        Request hello = WireCodec.hello(1);
        String good = "{\"id\":1,\"protocol\":1,\"name\":\"k\",\"version\":\"2\",\"page_size\":16384,"
                + "\"min_address\":\"0x4000\",\"max_address\":\"0x800000000000\",\"address_bits\":64}";
        assertThat(WireCodec.hello(WireCodec.response(good, hello)))
                .isEqualTo(new WireCodec.Hello("k", "2", Geometry.ARM64));
        assertThatThrownBy(() -> WireCodec.hello(WireCodec.response(good.replace("\"protocol\":1", "\"protocol\":2"), hello)))
                .hasMessageContaining("protocol 2");
        assertThatThrownBy(() -> WireCodec.hello(WireCodec.response(good.replace("16384", "1000"), hello)))
                .hasMessageContaining("impossible geometry").hasMessageContaining("page size");
        assertThatThrownBy(() -> WireCodec.hello(WireCodec.response(good.replace("\"name\":\"k\",", ""), hello)))
                .hasMessageContaining("request #1 (hello) lacks field \"name\"");
    }

    @Test
    void helloAcceptsPageSizeAsAHexStringTooAsPROTOCOLmdSays() throws JsonFormatException {
        Request hello = WireCodec.hello(1);
        String asHex = "{\"id\":1,\"protocol\":1,\"name\":\"k\",\"version\":\"2\",\"page_size\":\"0x4000\","
                + "\"min_address\":\"0x4000\",\"max_address\":\"0x800000000000\",\"address_bits\":64}";
        assertThat(WireCodec.hello(WireCodec.response(asHex, hello)).geometry()).isEqualTo(Geometry.ARM64);
        assertThatThrownBy(() -> WireCodec.hello(WireCodec.response(asHex.replace("\"0x4000\",\"min", "\"0x100000000\",\"min"), hello)))
                .hasMessageContaining("page_size").hasMessageContaining("32-bit");
        assertThatThrownBy(() -> WireCodec.hello(WireCodec.response(asHex.replace("\"0x4000\",\"min", "\"4096\",\"min"), hello)))
                .hasMessageContaining("page_size");
    }

    /** The reference model the executor tests compare against: GNU Mach profile, i386 geometry. */
    static final class ReferenceVmFactory {
        static ReferenceVm create() {
            return new ReferenceVm(Profiles.GNUMACH, Geometry.I386);
        }
    }
}
