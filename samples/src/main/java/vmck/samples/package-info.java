/**
 * Sample implementations of the {@link vmck.spec.MachVm} SPI.
 *
 * <ul>
 *   <li>{@link vmck.samples.MachMapVm}: the worked example for implementers, built like Mach's
 *       vm_map (sorted map entries over shared, lazily zero-filled memory objects; vm_copy as a
 *       copy-on-write snapshot) and written apart from the reference model so each checks the other.</li>
 *   <li>{@link vmck.samples.Mutant}: the catalogue of deliberately broken variants, each MachMapVm
 *       with one realistic bug, that the kit uses to test its own property suite.</li>
 * </ul>
 */
package vmck.samples;
