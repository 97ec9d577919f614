package vmck.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vmck.adapter.ProtocolServer;
import vmck.json.CallJson;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code vmck serve}: the reference model (or a bundled example) as a protocol v1 adapter on stdin/stdout. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reference model as a protocol v1 adapter on stdin/stdout, to diff against interactively.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "mach3", converter = ProfileConverter.class,
            description = "Profile whose answers to give (default: ${DEFAULT-VALUE}).")
    Profile profile = Profiles.MACH3;

    @Option(names = "--page-size", defaultValue = "4096", description = "Page size in bytes (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--address-bits", defaultValue = "32", description = "32 or 64 (default: ${DEFAULT-VALUE}).")
    int addressBits;

    @Option(names = "--min-address", defaultValue = "0x0", paramLabel = "HEX",
            description = "VM_MIN_ADDRESS (default: ${DEFAULT-VALUE}).")
    String minAddress;

    @Option(names = "--max-address", defaultValue = "0xc0000000", paramLabel = "HEX",
            description = "VM_MAX_ADDRESS, exclusive (default: ${DEFAULT-VALUE}).")
    String maxAddress;

    @Option(names = "--impl", defaultValue = "reference", paramLabel = "NAME",
            description = "What to serve: reference, machmap or mutant:NAME (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--no-capabilities",
            description = "Take up none of the optional protocol capabilities (digests, patterns): plain protocol v1.")
    boolean noCapabilities;

    @Override
    public Integer call() throws IOException {
        Geometry geometry;
        try {
            geometry = new Geometry(pageSize, addressBits, CallJson.parseHex("--min-address", minAddress),
                    CallJson.parseHex("--max-address", maxAddress));
        } catch (CallJson.FieldException | IllegalArgumentException e) {
            System.err.println("vmck serve: " + e.getMessage());
            return Main.USAGE;
        }
        ProtocolServer server;
        try {
            var vm = Adapters.implementation(implementation, profile, geometry);
            server = noCapabilities ? ProtocolServer.withoutCapabilities(vm, "0.1.0") : new ProtocolServer(vm, "0.1.0");
        } catch (IllegalArgumentException e) {
            System.err.println("vmck serve: " + e.getMessage());
            return Main.USAGE;
        }
        server.serve(System.in, new BufferedOutputStream(System.out));
        return 0;
    }
}
