package io.animops.agent.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * A seccomp filter (classic BPF, as {@code bwrap --seccomp FD} reads it) that lets the sandboxed program make
 * threads but no new processes: {@code fork}, {@code vfork} and {@code clone} without {@code CLONE_THREAD} fail
 * with EPERM; {@code clone3}, whose flags a filter cannot read, fails with ENOSYS so that the C library falls back
 * to {@code clone} for threads. Unlike RLIMIT_NPROC, it holds when the agent runs as root.
 */
public final class NoNewProcessesFilter {
    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    private static final int CLONE_THREAD = 0x00010000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int RET_KILL_PROCESS = 0x80000000;
    // classic BPF opcodes
    private static final short LD_W_ABS = 0x20;
    private static final short JEQ_K = 0x15;
    private static final short JGE_K = 0x35;
    private static final short JSET_K = 0x45;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final short RET_K = 0x06;
    // offsets in struct seccomp_data
    private static final int NR = 0;
    private static final int ARCH = 4;
    private static final int ARG0_LOW = 16;

    private NoNewProcessesFilter() {}

    /** The filter for this JVM's architecture, empty on an architecture it does not know. */
    public static Optional<byte[]> forThisMachine() {
        return forArchitecture(System.getProperty("os.arch", ""));
    }

    static Optional<byte[]> forArchitecture(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Optional.of(program(AUDIT_ARCH_X86_64, 56, 435, 57, 58));
            case "aarch64", "arm64" -> Optional.of(program(AUDIT_ARCH_AARCH64, 220, 435, -1, -1));
            default -> Optional.empty();
        };
    }

    /** Syscall numbers of clone, clone3, fork and vfork (-1: the architecture has none). */
    private static byte[] program(int arch, int clone, int clone3, int fork, int vfork) {
        ByteBuffer out = ByteBuffer.allocate(8 * 14).order(ByteOrder.LITTLE_ENDIAN);
        // jump offsets count instructions after the next one; targets: 11 allow, 12 EPERM, 13 kill
        statement(out, LD_W_ABS, ARCH); // 0
        jump(out, JEQ_K, arch, 0, 11); // 1: another ABI could bypass the numbers below
        statement(out, LD_W_ABS, NR); // 2
        jump(out, JGE_K, X32_SYSCALL_BIT, 9, 0); // 3: x32 system calls share x86-64's arch value
        jump(out, JEQ_K, clone3, 0, 1); // 4
        statement(out, RET_K, RET_ERRNO | ENOSYS); // 5
        jump(out, JEQ_K, fork, 5, 0); // 6
        jump(out, JEQ_K, vfork, 4, 0); // 7
        jump(out, JEQ_K, clone, 0, 2); // 8
        statement(out, LD_W_ABS, ARG0_LOW); // 9: clone's flags
        jump(out, JSET_K, CLONE_THREAD, 0, 1); // 10
        statement(out, RET_K, RET_ALLOW); // 11
        statement(out, RET_K, RET_ERRNO | EPERM); // 12
        statement(out, RET_K, RET_KILL_PROCESS); // 13
        return out.array();
    }

    private static void statement(ByteBuffer out, short code, int k) {
        jump(out, code, k, 0, 0);
    }

    private static void jump(ByteBuffer out, short code, int k, int whenTrue, int whenFalse) {
        out.putShort(code).put((byte) whenTrue).put((byte) whenFalse).putInt(k);
    }
}
