package io.animops.agent.godot.web;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GodotPackTest {

    @Test
    void writesAFormatThreePackWithAlignedFilesAndTheDirectoryAtTheEnd() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("res://scene.gd", "extends Node2D\n".getBytes(StandardCharsets.UTF_8));
        files.put("project.godot", "config_version=5\n".getBytes(StandardCharsets.UTF_8));

        ByteBuffer pack = ByteBuffer.wrap(GodotPack.bytes(files)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(pack.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("GDPC");
        assertThat(pack.getInt(4)).isEqualTo(3);
        assertThat(new int[] {pack.getInt(8), pack.getInt(12), pack.getInt(16)}).containsExactly(4, 6, 0);
        assertThat(pack.getInt(20)).isEqualTo(GodotPack.FLAG_REL_FILEBASE);
        long fileBase = pack.getLong(24);
        long dirOffset = pack.getLong(32);
        assertThat(fileBase).isEqualTo(112);
        for (int word = 0; word < 16; word++) {
            assertThat(pack.getInt(40 + word * 4)).as("reserved word %d", word).isZero();
        }

        pack.position((int) dirOffset);
        assertThat(pack.getInt()).isEqualTo(2);
        for (String expected : new String[] {"project.godot", "scene.gd"}) {
            int pathLength = pack.getInt();
            assertThat(pathLength % 4).isZero();
            byte[] path = new byte[pathLength];
            pack.get(path);
            assertThat(new String(path, StandardCharsets.UTF_8).replace("\0", ""))
                    .isEqualTo(expected);
            long offset = pack.getLong();
            long size = pack.getLong();
            byte[] md5 = new byte[16];
            pack.get(md5);
            assertThat(pack.getInt()).as("file flags").isZero();
            assertThat((fileBase + offset) % 16).as("alignment of %s", expected).isZero();
            int start = (int) (fileBase + offset);
            byte[] content = Arrays.copyOfRange(pack.array(), start, start + (int) size);
            assertThat(content).isEqualTo(files.getOrDefault(expected, files.get("res://" + expected)));
            assertThat(md5).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
        }
        assertThat(pack.remaining()).isZero();
    }

    @Test
    void refusesPathsOutsideTheProject() {
        assertThatThrownBy(() -> GodotPack.bytes(Map.of("../etc/passwd", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("files: '../etc/passwd'");
        assertThatThrownBy(() -> GodotPack.bytes(Map.of("/abs.gd", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a path inside the project");
    }
}
