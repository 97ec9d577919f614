package vmck.spec;

/**
 * The {@code kern_return_t} values vm_copy and its helper calls can return, with the numeric
 * codes shared by GNU Mach and XNU ({@code mach/kern_return.h}, {@code mach/message.h}).
 *
 * <p>Implementations return plain {@code int} codes (an implementation may return anything);
 * this enum only names the ones the specification talks about.
 */
public enum KernReturn {
    KERN_SUCCESS(0),
    KERN_INVALID_ADDRESS(1),
    KERN_PROTECTION_FAILURE(2),
    KERN_NO_SPACE(3),
    KERN_INVALID_ARGUMENT(4),
    KERN_FAILURE(5),
    KERN_RESOURCE_SHORTAGE(6),
    KERN_NOT_RECEIVER(7),
    KERN_NO_ACCESS(8),
    KERN_MEMORY_FAILURE(9),
    KERN_MEMORY_ERROR(10),
    KERN_INVALID_TASK(16),
    KERN_INVALID_VALUE(18),
    MACH_SEND_INVALID_DEST(0x10000003),
    MACH_SEND_INVALID_MEMORY(0x1000000c);

    private final int code;

    KernReturn(int code) {
        this.code = code;
    }

    /** The numeric kern_return_t. */
    public int code() {
        return code;
    }

    /** The named constant for {@code code}, or {@code null} when the code has no name here. */
    public static KernReturn of(int code) {
        for (KernReturn kr : values()) {
            if (kr.code == code) {
                return kr;
            }
        }
        return null;
    }

    /** {@code "KERN_INVALID_ADDRESS (1)"}, or {@code "0x2a (unknown)"} for an unnamed code. */
    public static String describe(int code) {
        KernReturn kr = of(code);
        return kr == null ? String.format("0x%x (unknown)", code) : kr.name() + " (" + code + ")";
    }
}
