package vmck.adapter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.spec.MachVm;

/**
 * Serves protocol v1 (spec/PROTOCOL.md) for any {@link MachVm}, so a Java implementation (the
 * reference model behind {@code vmck serve}) can be tested exactly like a foreign adapter.
 *
 * <p>Requests are answered one by one in order. Responses are flushed whenever no further
 * complete request is already buffered, i.e. before the server could block on input: a client
 * waiting for a reply always gets it, and a pipelined batch is answered with few writes.
 */
public final class ProtocolServer {

    /** A request line longer than this is answered as malformed and skipped. */
    static final int MAX_REQUEST_BYTES = 256 << 20;

    private final RequestHandler handler;
    private final int maxRequestBytes;

    /** Serves {@code vm}; its task handles go on the wire unchanged. */
    public ProtocolServer(MachVm vm) {
        this(vm, "unversioned");
    }

    /** Serves {@code vm}, reporting {@code version} in hello. */
    public ProtocolServer(MachVm vm, String version) {
        this(vm, version, MAX_REQUEST_BYTES);
    }

    ProtocolServer(MachVm vm, String version, int maxRequestBytes) {
        this(new RequestHandler(vm, version, true), maxRequestBytes);
    }

    private ProtocolServer(RequestHandler handler, int maxRequestBytes) {
        this.handler = handler;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Serves {@code vm} as an adapter that takes up no optional capability (plain protocol v1). */
    public static ProtocolServer withoutCapabilities(MachVm vm, String version) {
        return new ProtocolServer(new RequestHandler(vm, version, false), MAX_REQUEST_BYTES);
    }

    /**
     * Answers requests from {@code in} on {@code out} until a quit request or end of input.
     * Neither stream is closed.
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        LineReader reader = new LineReader(in, maxRequestBytes);
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        try {
            while (true) {
                if (!reader.hasBufferedLine()) {
                    buffered.flush();
                }
                String line;
                try {
                    line = reader.readLine();
                } catch (LineReader.LineTooLongException e) {
                    reader.skipLine();
                    write(buffered, RequestHandler.error(null, "malformed", "request " + e.getMessage()));
                    continue;
                }
                if (line == null) {
                    return;
                }
                if (line.isBlank()) {
                    continue;
                }
                RequestHandler.Answer answer = handler.answer(line);
                write(buffered, answer.response());
                if (answer.last()) {
                    return;
                }
            }
        } finally {
            buffered.flush();
        }
    }

    private static void write(OutputStream out, ObjectNode response) throws IOException {
        out.write(WireCodec.JSON.writeValueAsBytes(response));
        out.write('\n');
    }
}
