import io.animops.operator.auth.Argon2id;

/** ms per Argon2id hash on one thread: the figure behind the defaults of animops.auth.argon2.* (target 50-100 ms). */
public class Argon2Benchmark {
    public static void main(String[] args) {
        Argon2id params = new Argon2id(
                args.length > 0 ? Integer.parseInt(args[0]) : Argon2id.DEFAULT.memoryKib(),
                args.length > 1 ? Integer.parseInt(args[1]) : Argon2id.DEFAULT.iterations(),
                args.length > 2 ? Integer.parseInt(args[2]) : Argon2id.DEFAULT.parallelism());
        int hashes = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        for (int i = 0; i < 5; i++) {
            params.hash("warm-up password " + i); // JIT
        }
        long[] ms = new long[hashes];
        for (int i = 0; i < hashes; i++) {
            long start = System.nanoTime();
            params.hash("benchmark password " + i);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("argon2id m=%d KiB t=%d p=%d: p50 %d ms a hash, min %d, max %d (%d hashes, one thread)%n",
                params.memoryKib(), params.iterations(), params.parallelism(), ms[hashes / 2], ms[0], ms[hashes - 1],
                hashes);
    }
}
