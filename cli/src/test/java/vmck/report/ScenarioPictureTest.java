package vmck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vmck.model.AddressSpace;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/** The picture's geometry without a browser: a 64-bit space elides its gaps and stays drawable. */
class ScenarioPictureTest {

    @Test
    void aCopyAcrossASixtyFourBitSpaceIsDrawnWithItsEndsAndTheGapElided() {
        Geometry geometry = Geometry.X86_64;
        ReferenceModel model = new ReferenceModel(Profiles.XNU, geometry);
        AddressSpace space = new AddressSpace(geometry);
        assertThat(model.allocate(space, 0x10000, 0x2000, false).kr()).isZero();
        assertThat(model.allocate(space, 0x7fff_ffff_0000L, 0x2000, false).kr()).isZero();
        Call.VmCopy copy = new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x2000, 0x7fff_ffff_0000L);
        String svg = ScenarioPicture.render(geometry, space, copy, null, null, "copy up high", "KERN_SUCCESS (0)",
                "KERN_INVALID_ADDRESS (1)", "VMC-COPY-1");
        Matcher width = Pattern.compile("<svg [^>]*width=\"(\\d+)\"").matcher(svg);
        assertThat(width.find()).isTrue();
        assertThat(Integer.parseInt(width.group(1))).as("drawn width").isLessThan(1500);
        assertThat(svg).contains(">0x10000<").contains(">0x7fffffff0000<")
                .contains(">source 0x10000 + 0x2000<").contains(">destination 0x7fffffff0000 + 0x2000<");
        long elided = (0x7fff_ffff_0000L >>> 12) - 1 - (0x12000 >>> 12) - 1; // between the context pages
        assertThat(svg).contains(">" + elided + " pages<");
        assertThat(svg).doesNotContain("overlap-label");
    }

    @Test
    void aWrappingRangeStopsAtTheTopAndSaysSo() {
        Geometry geometry = Geometry.I386;
        AddressSpace space = new AddressSpace(geometry);
        Call.VmCopy copy = new Call.VmCopy(Call.LIVE_TASK, 0xffff_f000L, 0x2000, 0x10000);
        String svg = ScenarioPicture.render(geometry, space, copy, null, null, "wrap", "KERN_INVALID_ADDRESS (1)",
                "KERN_SUCCESS (0)", "VMC-RANGE-1");
        assertThat(svg).contains("source 0xfffff000 + 0x2000 (wraps past the top)").contains("class=\"page outside")
                .contains(">0xfffff000<");
    }
}
