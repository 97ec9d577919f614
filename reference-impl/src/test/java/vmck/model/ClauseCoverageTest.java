package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;

/** Every testable clause is named by at least one test method (names start with the clause ID). */
class ClauseCoverageTest {

    private static final List<Class<?>> TEST_CLASSES = List.of(ClauseTest.class, EffectsTest.class,
            HelperCallsTest.class, CopyDecisionTest.class, ScaleTest.class, PostconditionPropertyTest.class);

    private static void collect(Class<?> type, TreeSet<String> names) {
        for (Method method : type.getDeclaredMethods()) {
            names.add(method.getName());
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            names.add(nested.getSimpleName());
            collect(nested, names);
        }
    }

    @Test
    void everyTestableClauseHasANamedTest() {
        TreeSet<String> names = new TreeSet<>();
        TEST_CLASSES.forEach(type -> collect(type, names));
        List<String> missing = new ArrayList<>();
        for (Clause clause : Clause.values()) {
            if (clause.kind() == Clause.Kind.UNTESTABLE) {
                continue;
            }
            String prefix = clause.name() + "_";
            boolean named = names.stream().anyMatch(n -> n.startsWith(prefix));
            if (!named) {
                missing.add(clause.id());
            }
        }
        assertThat(missing).as("clauses without a test named after them").isEmpty();
    }
}
