package org.oasm.substrate.parse;

import java.util.List;
import org.oasm.substrate.lex.Word;

/**
 * A parsed command line: a tree of typed nodes. Offsets point into the source text so that every
 * command can be recorded with the exact text the user wrote.
 */
public sealed interface Node {

    int start();

    int end();

    /** The source text of this node. */
    default String text(String source) {
        return source.substring(start(), end()).strip();
    }

    /** One command: {@code NAME=value} assignments, words, redirections. */
    record Simple(List<Word> assignments, List<Word> words, List<Redirect> redirects, int start, int end)
            implements Node {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** Commands joined by {@code |}; {@code negated} for a leading {@code !}. */
    record Pipeline(List<Simple> stages, boolean negated, int start, int end) implements Node {
        public Pipeline {
            stages = List.copyOf(stages);
        }
    }

    /**
     * {@code time [-p] PIPELINE}: the pipeline (null for a bare {@code time}), then the elapsed,
     * user and system time on standard error; {@code posix} for {@code -p}, {@code negated} for a
     * {@code !} before {@code time}.
     */
    record Timed(Pipeline pipeline, boolean posix, boolean negated, int start, int end) implements Node {
    }

    /** {@code left && right}: right runs when left succeeded. */
    record AndIf(Node left, Node right) implements Node {
        public int start() { return left.start(); }
        public int end() { return right.end(); }
    }

    /** {@code left || right}: right runs when left failed. */
    record OrIf(Node left, Node right) implements Node {
        public int start() { return left.start(); }
        public int end() { return right.end(); }
    }

    /** Commands separated by {@code ;} or newlines, run one after another. */
    record Sequence(List<Node> items, int start, int end) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }
}
