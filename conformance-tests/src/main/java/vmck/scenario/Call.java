package vmck.scenario;

import vmck.spec.Geometry;
import vmck.spec.VmProt;

/**
 * One call of a scenario, as data: what the harness sends, what a trace records and what the wire
 * protocol carries. {@code task} is a slot, not a handle: slot {@link #LIVE_TASK} is the
 * scenario's fresh task, slot {@link #DEAD_TASK} a task created and terminated before the
 * scenario began; the executor maps slots to the implementation's handles.
 */
public sealed interface Call {

    /** The scenario's own task, fresh and empty when the scenario begins. */
    int LIVE_TASK = 0;
    /** A task that was terminated before the scenario began (VMC-TASK-1). */
    int DEAD_TASK = 1;

    /** The wire protocol's op name. */
    String op();

    /** The task slot the call acts on: {@link #LIVE_TASK} or {@link #DEAD_TASK}. */
    int task();

    /** True for calls that may change memory (everything but vm_read and vm_region). */
    default boolean mutates() {
        return true;
    }

    /** One line for op listings and reports, e.g. {@code vm_copy(src=0x1000, count=0x2000, dst=0x5000)}. */
    String describe();

    /**
     * Takes {@code visitor} to the method for this kind of call: the one dispatch over calls (Java
     * 17 has no pattern switch), and the compiler checks that every visitor handles every kind.
     */
    <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

    /** One method per kind of call; {@code X} is what the methods may throw ({@link RuntimeException} for nothing checked). */
    interface Visitor<R, X extends Exception> {
        R allocate(VmAllocate call) throws X;

        R deallocate(VmDeallocate call) throws X;

        R protect(VmProtect call) throws X;

        R write(VmWrite call) throws X;

        R copy(VmCopy call) throws X;

        R read(VmRead call) throws X;

        R region(VmRegion call) throws X;
    }

    /** A visitor with a {@code default} branch: every kind of call it does not override goes to {@link #otherwise}. */
    abstract class Otherwise<R, X extends Exception> implements Visitor<R, X> {
        protected abstract R otherwise(Call call) throws X;

        public R allocate(VmAllocate call) throws X {
            return otherwise(call);
        }

        public R deallocate(VmDeallocate call) throws X {
            return otherwise(call);
        }

        public R protect(VmProtect call) throws X {
            return otherwise(call);
        }

        public R write(VmWrite call) throws X {
            return otherwise(call);
        }

        public R copy(VmCopy call) throws X {
            return otherwise(call);
        }

        public R read(VmRead call) throws X {
            return otherwise(call);
        }

        public R region(VmRegion call) throws X {
            return otherwise(call);
        }
    }

    static String taskName(int task) {
        return task == LIVE_TASK ? "" : task == DEAD_TASK ? "task=dead, " : "task=#" + task + ", ";
    }

    record VmAllocate(int task, long address, long size, boolean anywhere) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.allocate(this);
        }

        public String op() {
            return "vm_allocate";
        }

        public String describe() {
            return String.format("vm_allocate(%saddress=%s, size=%s, anywhere=%s)", taskName(task),
                    Geometry.hex(address), Geometry.hex(size), anywhere);
        }
    }

    record VmDeallocate(int task, long address, long size) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.deallocate(this);
        }

        public String op() {
            return "vm_deallocate";
        }

        public String describe() {
            return String.format("vm_deallocate(%saddress=%s, size=%s)", taskName(task),
                    Geometry.hex(address), Geometry.hex(size));
        }
    }

    record VmProtect(int task, long address, long size, boolean setMaximum, int newProtection) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.protect(this);
        }

        public String op() {
            return "vm_protect";
        }

        public String describe() {
            return String.format("vm_protect(%saddress=%s, size=%s, set_maximum=%s, new_protection=%s)", taskName(task),
                    Geometry.hex(address), Geometry.hex(size), setMaximum, VmProt.format(newProtection));
        }
    }

    /**
     * vm_write of {@code size} bytes generated from {@code pattern} (see {@link Pattern}), so a
     * trace stays short and readable while the implementation receives real bytes.
     */
    record VmWrite(int task, long address, int size, int pattern) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.write(this);
        }

        public String op() {
            return "vm_write";
        }

        public byte[] data() {
            return Pattern.bytes(pattern, size);
        }

        public String describe() {
            return String.format("vm_write(%saddress=%s, size=%s, pattern=%d)", taskName(task),
                    Geometry.hex(address), Geometry.hex(size), pattern);
        }
    }

    record VmCopy(int task, long sourceAddress, long count, long destAddress) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.copy(this);
        }

        public String op() {
            return "vm_copy";
        }

        public String describe() {
            return String.format("vm_copy(%ssource_address=%s, count=%s, dest_address=%s)", taskName(task),
                    Geometry.hex(sourceAddress), Geometry.hex(count), Geometry.hex(destAddress));
        }
    }

    record VmRead(int task, long address, long size) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.read(this);
        }

        public String op() {
            return "vm_read";
        }

        public boolean mutates() {
            return false;
        }

        public String describe() {
            return String.format("vm_read(%saddress=%s, size=%s)", taskName(task),
                    Geometry.hex(address), Geometry.hex(size));
        }
    }

    record VmRegion(int task, long address) implements Call {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.region(this);
        }

        public String op() {
            return "vm_region";
        }

        public boolean mutates() {
            return false;
        }

        public String describe() {
            return String.format("vm_region(%saddress=%s)", taskName(task), Geometry.hex(address));
        }
    }
}
