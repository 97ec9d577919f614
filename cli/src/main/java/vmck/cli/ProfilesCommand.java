package vmck.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code vmck profiles}: each profile and its traits. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the profiles and their traits.")
final class ProfilesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Profile profile : Profiles.all()) {
            System.out.println(profile.name() + (profile == Profiles.defaultProfile() ? " (default)" : ""));
            System.out.println("  " + profile.summary());
            System.out.println("  check order:         " + profile.checkOrder());
            System.out.println("  invalid task:        " + profile.invalidTaskResults().stream().sorted()
                    .map(KernReturn::describe).collect(Collectors.joining(" or ")));
            System.out.println("  source bounds:       " + profile.sourceBounds());
            System.out.println("  destination bounds:  " + profile.destinationBounds());
            System.out.println("  source needs max R:  " + profile.sourceNeedsMaxRead());
            System.out.println("  buffered copy limit: " + (profile.bufferedCopyLimit() == 0 ? "none" : profile.bufferedCopyLimit() + " bytes"));
            System.out.println("  split copies from:   " + (profile.splitCopyMinPages() == 0 ? "never" : profile.splitCopyMinPages() + " pages"));
            System.out.println("  left open:           " + openTraits(profile));
            System.out.println("  served dead task:    " + KernReturn.describe(profile.deadTaskResult()));
            System.out.println("  native geometry:     " + ServeCommand.describe(profile.nativeGeometry()));
            System.out.println("  provenance:          " + profile.provenance());
            System.out.println();
        }
        return 0;
    }

    /** The traits that make the profile allow a set where the text (or kernel) leaves a choice. */
    private static String openTraits(vmck.spec.Profile profile) {
        java.util.List<String> open = new java.util.ArrayList<>();
        if (profile.alignmentOrderOpen()) {
            open.add("alignment vs range order");
        }
        if (profile.rangeProblemsOrderOpen()) {
            open.add("order within a range");
        }
        if (profile.zeroCountMayCheckAddresses()) {
            open.add("count 0 at bad addresses");
        }
        if (profile.failedWriteMayLeavePrefix()) {
            open.add("write prefix on a failed destination");
        }
        return open.isEmpty() ? "nothing (every order decided)" : String.join(", ", open);
    }
}
