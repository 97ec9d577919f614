package vmck.adapter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Command lines of the adapters the tests drive. */
final class Adapters {

    private Adapters() {
    }

    /** The reference model behind ProtocolServer in a child JVM started from this test classpath. */
    static List<String> referenceServer() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ServeMainForTests.class.getName());
    }

    static List<String> misbehaving(String mode) {
        return List.of(python3(), resource("adapters/misbehaving.py"), mode);
    }

    static List<String> pythonExample() {
        Path script = Path.of("..", "adapters", "python-example", "vm_adapter.py").toAbsolutePath().normalize();
        return List.of(python3(), script.toString());
    }

    static boolean hasPython3() {
        return python3() != null;
    }

    static String python3() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "python3")).filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElse(null);
    }

    /** Small per-request timeouts keep the hang tests quick; the start timeout allows a loaded machine. */
    static ProcessExecutor.Limits quick() {
        return ProcessExecutor.Limits.DEFAULT.withRequestTimeout(Duration.ofSeconds(1))
                .withStartTimeout(Duration.ofSeconds(20));
    }

    /**
     * For adapters that misbehave at once (exit, a bad line): a long request timeout that only
     * bounds a hang, so a loaded machine cannot turn their failure into a timeout.
     */
    static ProcessExecutor.Limits patient() {
        return quick().withRequestTimeout(Duration.ofSeconds(15));
    }

        /** True while {@code pid} runs; a zombie (dead, not yet reaped) counts as gone. */
    static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static String resource(String name) {
        try {
            return Path.of(Adapters.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
