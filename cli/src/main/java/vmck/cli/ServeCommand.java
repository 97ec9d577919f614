package vmck.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vmck.adapter.ProtocolServer;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code vmck serve}: the reference model (or a bundled example) as a protocol v1 adapter on stdin/stdout. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reference model as a protocol v1 adapter on stdin/stdout, to diff against interactively. "
                + "The geometry is the profile's native one (mach3, gnumach: i386; xnu: x86_64; xnu-arm64: arm64) "
                + "unless a flag overrides part of it.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "mach3", converter = ProfileConverter.class,
            description = "Profile whose answers to give (default: ${DEFAULT-VALUE}).")
    Profile profile = Profiles.MACH3;

    @Option(names = "--page-size", description = "Page size in bytes (default: the profile's native page size).")
    Integer pageSize;

    @Option(names = "--address-bits", description = "32 or 64 (default: the profile's native width).")
    Integer addressBits;

    @Option(names = "--min-address", paramLabel = "HEX", description = "VM_MIN_ADDRESS (default: the profile's native one).")
    String minAddress;

    @Option(names = "--max-address", paramLabel = "HEX",
            description = "VM_MAX_ADDRESS, exclusive (default: the profile's native one).")
    String maxAddress;

    @Option(names = "--impl", defaultValue = "reference", paramLabel = "NAME",
            description = "What to serve: reference, machmap or mutant:NAME (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--no-capabilities",
            description = "Take up none of the optional protocol capabilities (digests, patterns): plain protocol v1.")
    boolean noCapabilities;

    @Override
    public Integer call() throws IOException {
        var vm = Adapters.implementation(implementation, profile, geometry());
        ProtocolServer server = noCapabilities ? ProtocolServer.withoutCapabilities(vm, "0.1.0") : new ProtocolServer(vm, "0.1.0");
        server.serve(System.in, new BufferedOutputStream(System.out));
        return 0;
    }

    /** A geometry as its flags would give it. */
    static String describe(Geometry geometry) {
        return "--page-size " + geometry.pageSize() + " --address-bits " + geometry.addressBits() + " --min-address "
                + Geometry.hex(geometry.minAddress()) + " --max-address " + Geometry.hex(geometry.maxAddress());
    }

    /** The profile's native geometry, each part overridden by its flag; an impossible one is a usage error. */
    Geometry geometry() throws JsonFormatException {
        Geometry base = profile.nativeGeometry();
        try {
            return new Geometry(pageSize != null ? pageSize : base.pageSize(),
                addressBits != null ? addressBits : base.addressBits(),
                minAddress != null ? JsonFields.parseHex("--min-address", minAddress) : base.minAddress(),
                    maxAddress != null ? JsonFields.parseHex("--max-address", maxAddress) : base.maxAddress());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (the flags given override parts of " + profile.name()
                    + "'s native geometry, " + describe(base) + ")");
        }
    }
}
