package io.animops.operator.idea;

import java.util.List;
import java.util.Set;

/** Where a schedule's proposals come from. */
public interface IdeaSource {
    /** Up to {@code count} proposals, preferring ones whose titles are not in {@code alreadyProposed}. */
    List<IdeaProposal> propose(int count, Set<String> alreadyProposed);
}
