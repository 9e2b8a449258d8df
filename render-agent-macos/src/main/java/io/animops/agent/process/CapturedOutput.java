package io.animops.agent.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The lines one stream of a child printed, capped: the first half of the budget keeps the head, the second half a
 * rolling tail, so a runaway child (an error printed every frame) cannot exhaust memory yet the start and the end,
 * where errors and their causes are, stay readable. Thread safe: one reader thread appends while others read.
 */
public final class CapturedOutput {
    private final long headBudget;
    private final long tailBudget;
    private final List<String> head = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private long headBytes;
    private long tailBytes;
    private long droppedLines;

    /** @param capBytes the most bytes (UTF-8) kept, head and tail together */
    public CapturedOutput(long capBytes) {
        if (capBytes < 2) {
            throw new IllegalArgumentException("capBytes: must be at least 2, got " + capBytes);
        }
        this.headBudget = capBytes / 2;
        this.tailBudget = capBytes - headBudget;
    }

    public synchronized void add(String line) {
        long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (droppedLines == 0 && tail.isEmpty() && headBytes + size <= headBudget) {
            head.add(line);
            headBytes += size;
            return;
        }
        tail.addLast(line);
        tailBytes += size;
        while (tailBytes > tailBudget && !tail.isEmpty()) {
            tailBytes -= tail.removeFirst().getBytes(StandardCharsets.UTF_8).length + 1L;
            droppedLines++;
        }
    }

    /** Whether lines between head and tail were dropped. */
    public synchronized boolean truncated() {
        return droppedLines > 0;
    }

    /** The kept lines in order, without a marker where lines were dropped. */
    public synchronized List<String> lines() {
        List<String> all = new ArrayList<>(head.size() + tail.size());
        all.addAll(head);
        all.addAll(tail);
        return all;
    }

    /** The kept text, with a line saying how many lines were dropped where they were. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder();
        head.forEach(l -> text.append(l).append('\n'));
        if (droppedLines > 0) {
            text.append("[... ").append(droppedLines).append(" lines truncated ...]\n");
        }
        tail.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    /** The last {@code count} kept lines, for error messages. */
    public synchronized String lastLines(int count) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
