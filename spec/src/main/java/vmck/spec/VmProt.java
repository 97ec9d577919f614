package vmck.spec;

/** {@code vm_prot_t} bits ({@code mach/vm_prot.h}), identical in GNU Mach and XNU. */
public final class VmProt {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    public static final int DEFAULT = READ | WRITE;
    public static final int ALL = READ | WRITE | EXECUTE;

    private VmProt() {
    }

    /** True when every bit of {@code required} is set in {@code protection}. */
    public static boolean allows(int protection, int required) {
        return (protection & required) == required;
    }

    /** True when {@code protection} uses only the R, W and X bits. */
    public static boolean isValid(int protection) {
        return (protection & ~ALL) == 0;
    }

    /** {@code "rw-"}-style rendering, or the hex value when bits outside R|W|X are set. */
    public static String format(int protection) {
        if (!isValid(protection)) {
            return String.format("0x%x", protection);
        }
        return (allows(protection, READ) ? "r" : "-")
                + (allows(protection, WRITE) ? "w" : "-")
                + (allows(protection, EXECUTE) ? "x" : "-");
    }
}
