package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnRunsOfWhitespace() {
        assertThat(ShellWords.split("  python3\tadapter.py   --fast ")).containsExactly("python3", "adapter.py", "--fast");
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertThat(ShellWords.split("run 'a b' 'c\\d' '$x'")).containsExactly("run", "a b", "c\\d", "$x");
    }

    @Test
    void doubleQuotesHonourOnlyTheirFourEscapes() {
        assertThat(ShellWords.split("run \"a \\\"b\\\" \\\\ \\n\"")).containsExactly("run", "a \"b\" \\ \\n");
    }

    @Test
    void backslashOutsideQuotesEscapesTheNextCharacter() {
        assertThat(ShellWords.split("qemu my\\ disk.img \\'x")).containsExactly("qemu", "my disk.img", "'x");
    }

    @Test
    void adjacentQuotedPartsFormOneWordAndEmptyQuotesAnEmptyWord() {
        assertThat(ShellWords.split("a'b'\"c\"d '' \"\"")).containsExactly("abcd", "", "");
    }

    @Test
    void shellOperatorsAreOrdinaryCharacters() {
        assertThat(ShellWords.split("a | b > c; $HOME")).containsExactly("a", "|", "b", ">", "c;", "$HOME");
    }

    @Test
    void rejectsUnterminatedQuotesAndTrailingBackslash() {
        assertThatThrownBy(() -> ShellWords.split("a 'b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single quote");
        assertThatThrownBy(() -> ShellWords.split("a \"b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("double quote");
        assertThatThrownBy(() -> ShellWords.split("a b\\")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backslash");
    }

    @Test
    void blankLineHasNoWords() {
        assertThat(ShellWords.split("   ")).isEmpty();
    }
}
