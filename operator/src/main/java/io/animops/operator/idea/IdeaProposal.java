package io.animops.operator.idea;

/**
 * One idea as proposed to the Idea Gate, before it becomes an AnimationIdea.
 *
 * @param title       short title, also the default video title
 * @param premise     what happens in the animation
 * @param physicsHook the physics effect it shows off; null when the source gives none
 * @param hook        why a viewer keeps watching; null when the source gives none
 */
public record IdeaProposal(String title, String premise, String physicsHook, String hook) {}
