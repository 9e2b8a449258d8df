package io.animops.agent.godot.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a Godot resource pack (GDPC, pack format 3, as Godot 4.6's {@code PCKPacker} does), the only way to hand a
 * project to the web build, which has {@code --path} compiled out. Layout, all little-endian: magic {@code GDPC},
 * format version, engine major/minor/patch, flags ({@link #FLAG_REL_FILEBASE}: file offsets count from the file
 * base), file base, directory offset, 16 reserved words; then the files, each starting on a 16-byte boundary; then
 * the directory: file count, and per file its path (length, then the UTF-8 bytes padded with zeros to 4), offset,
 * size, MD5 and flags. Text {@code project.godot}, {@code .tscn} and {@code .gd} files load as they are.
 */
public final class GodotPack {
    static final int MAGIC = 0x43504447; // "GDPC"
    static final int FORMAT_VERSION = 3;
    static final int FLAG_REL_FILEBASE = 1 << 1;
    static final int ALIGNMENT = 16;
    static final int RESERVED_WORDS = 16;
    /** The engine version the pack says it is for: the web template's, 4.6.0. */
    static final int[] ENGINE_VERSION = {4, 6, 0};

    private GodotPack() {}

    /**
     * @param files pack paths relative to {@code res://} (e.g. {@code project.godot}, {@code scenes/a.gd}) to contents
     */
    public static void write(Map<String, byte[]> files, Path target) throws IOException {
        Files.write(target, bytes(files));
    }

    /** The pack as bytes; files in path order, so equal inputs give equal packs. */
    public static byte[] bytes(Map<String, byte[]> files) {
        Map<String, byte[]> sorted = new TreeMap<>();
        files.forEach((path, content) -> sorted.put(checkedPath(path), content));

        int headerSize = 4 * 6 + 8 + 8 + 4 * RESERVED_WORDS;
        long fileBase = align(headerSize);
        List<Long> offsets = new ArrayList<>();
        long position = 0;
        for (byte[] content : sorted.values()) {
            offsets.add(position);
            position = align(position + content.length);
        }
        long dirOffset = fileBase + position;

        ByteBuffer directory = ByteBuffer.allocate(directorySize(sorted)).order(ByteOrder.LITTLE_ENDIAN);
        directory.putInt(sorted.size());
        int index = 0;
        for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
            byte[] path = file.getKey().getBytes(StandardCharsets.UTF_8);
            int padded = (int) alignTo(path.length, 4);
            directory.putInt(padded);
            directory.put(path);
            directory.put(new byte[padded - path.length]);
            directory.putLong(offsets.get(index++));
            directory.putLong(file.getValue().length);
            directory.put(md5(file.getValue()));
            directory.putInt(0);
        }

        long total = dirOffset + directory.capacity();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("files: " + total + " bytes do not fit one in-memory pack");
        }
        ByteBuffer pack = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        pack.putInt(MAGIC).putInt(FORMAT_VERSION);
        for (int part : ENGINE_VERSION) {
            pack.putInt(part);
        }
        pack.putInt(FLAG_REL_FILEBASE).putLong(fileBase).putLong(dirOffset);
        index = 0;
        for (byte[] content : sorted.values()) {
            pack.position((int) (fileBase + offsets.get(index++)));
            pack.put(content);
        }
        pack.position((int) dirOffset);
        pack.put(directory.array());
        return pack.array();
    }

    private static String checkedPath(String path) {
        String relative = path.startsWith("res://") ? path.substring("res://".length()) : path;
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("..")) {
            throw new IllegalArgumentException("files: '" + path + "' is not a path inside the project");
        }
        return relative;
    }

    private static int directorySize(Map<String, byte[]> files) {
        int size = 4;
        for (String path : files.keySet()) {
            size += 4 + (int) alignTo(path.getBytes(StandardCharsets.UTF_8).length, 4) + 8 + 8 + 16 + 4;
        }
        return size;
    }

    private static long align(long position) {
        return alignTo(position, ALIGNMENT);
    }

    private static long alignTo(long position, int alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
