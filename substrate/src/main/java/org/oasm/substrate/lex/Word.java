package org.oasm.substrate.lex;

import java.util.List;

/**
 * A shell word: its parts with their quoting, and where it stood in the source line.
 */
public record Word(List<WordPart> parts, int start, int end) {

    public Word {
        parts = List.copyOf(parts);
    }

    /** The word's text with quotes removed and nothing expanded, e.g. for alias and keyword checks. */
    public String literalText() {
        StringBuilder sb = new StringBuilder();
        for (WordPart p : parts) {
            switch (p) {
                case WordPart.Literal l -> sb.append(l.text());
                case WordPart.Param pa -> sb.append('$').append(pa.name());
                case WordPart.Tilde t -> sb.append('~').append(t.user());
                case WordPart.Command c -> sb.append("$(").append(c.source()).append(')');
                case WordPart.Bad b -> sb.append(b.text());
            }
        }
        return sb.toString();
    }

    /** True when the word is plain unquoted text, so it may be an alias, keyword or fd number. */
    public boolean isPlain() {
        return parts.stream().allMatch(p -> p instanceof WordPart.Literal l && !l.quoted());
    }
}
