package vmck.engine;

/**
 * A labelled range {@code [start, end)} of choice positions drawn together, such as one list
 * element; the shrinker tries deleting whole spans before it tries arbitrary blocks.
 */
record Span(String label, int start, int end, int depth) {

    int length() {
        return end - start;
    }
}
