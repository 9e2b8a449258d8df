package io.animops.operator.qc;

/**
 * What a checklist item checks. Automatic rules read the agent's ffprobe facts of the render
 * ({@code RenderJob.status.media}) against the job's spec; {@link #manual} items are ticked by a person.
 */
public enum QcRule {
    /** |duration - spec.durationSeconds| at most {@code toleranceSeconds}. */
    durationWithin("toleranceSeconds", 60),
    /** width x height equal spec.width x spec.height. */
    resolution(null, 0),
    /** |fps - spec.fps| at most {@code tolerance}. */
    fps("tolerance", 10),
    /** Every black segment lasts at most {@code maxSeconds}. */
    noBlackSegmentOver("maxSeconds", 180),
    /** Every frozen segment lasts at most {@code maxSeconds}. */
    noFrozenSegmentOver("maxSeconds", 180),
    /** The MP4 is smaller than {@code maxBytes} (strictly). */
    sizeUnder("maxBytes", 0),
    /** A person looks and decides, with a comment. */
    manual(null, 0);

    private final String parameter;
    private final double maxParameter;

    QcRule(String parameter, double maxParameter) {
        this.parameter = parameter;
        this.maxParameter = maxParameter;
    }

    /** The name of the item's one parameter in the checklist JSON, or null when the rule takes none. */
    public String parameter() {
        return parameter;
    }

    /** Upper bound of a fractional parameter (0 for a byte count or no parameter). */
    double maxParameter() {
        return maxParameter;
    }

    public boolean automatic() {
        return this != manual;
    }
}
