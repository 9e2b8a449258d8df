package io.animops.operator.idea;

/**
 * A malformed entry in an ideas file. The message reads
 * {@code <source>:<line>: idea "<title>": <field> <problem>}, so an editor or a log reader can jump to it.
 */
public class IdeasFileException extends RuntimeException {
    private final String source;
    private final int line;
    private final String field;

    public IdeasFileException(String source, int line, String title, String field, String problem) {
        super(source + ":" + line + ": " + (title == null ? "" : "idea \"" + title + "\": ") + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** Name of the file (or other source) the entry came from. */
    public String source() {
        return source;
    }

    /** 1-based line the problem was found on. */
    public int line() {
        return line;
    }

    /** The field at fault: Title, Premise, Physics, Hook, or the unknown key as written. */
    public String field() {
        return field;
    }
}
