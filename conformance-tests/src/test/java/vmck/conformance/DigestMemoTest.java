package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vmck.scenario.Pattern;
import vmck.scenario.ReadDigest;

class DigestMemoTest {

    @Test
    void givesTheDigestOfTheContentEvenWhenTheSampledBytesAgree() {
        DigestMemo memo = new DigestMemo();
        byte[] page = Pattern.bytes(3, 4096);
        byte[] sameSamplesOtherByte = page.clone();
        sameSamplesOtherByte[1] ^= 1; // byte 1 is not one of the 16 sampled (0, 273, ...)
        assertThat(memo.digest(page)).isEqualTo(ReadDigest.of(page));
        assertThat(memo.digest(sameSamplesOtherByte)).isEqualTo(ReadDigest.of(sameSamplesOtherByte))
                .isNotEqualTo(ReadDigest.of(page));
        assertThat(memo.digest(page.clone())).isEqualTo(ReadDigest.of(page));
    }

    @Test
    void agreesWithReadDigestOnManyContentsPastItsCapacity() {
        DigestMemo memo = new DigestMemo();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = random.nextInt(4) == 0 ? new byte[random.nextInt(5000)] : Pattern.bytes(random.nextInt(900), random.nextInt(5000));
            assertThat(memo.digest(bytes)).isEqualTo(ReadDigest.of(bytes));
        }
        assertThat(DigestMemo.of(new byte[0])).isEqualTo(ReadDigest.of(new byte[0]));
    }
}
