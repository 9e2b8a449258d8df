import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.idea.IdeaQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The ideas list as the panel pages it: for each sort, the first page and the page after 100 pages of 50 (keyset
 * paging reads the same few rows at any depth), and a search. Prints p50 and p95 in ms of 30 reads each.
 */
public class IdeaListBenchmark {
    private static final String[] PHASES = {"Proposed", "Rejected", "Writing", "AwaitingQc", "Published", "Failed"};
    private static final int READS = 30;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
            load(db, count);
            IdeaQuery query = new IdeaQuery();
            var field = IdeaQuery.class.getDeclaredField("dataSource");
            field.setAccessible(true);
            field.set(query, db);
            System.out.printf("%d ideas, pages of 50: ms per page, p50 / p95 of %d reads%n", count, READS);
            for (IdeaQuery.Sort sort : IdeaQuery.Sort.values()) {
                for (boolean ascending : new boolean[] {false, true}) {
                    report(query, sort, ascending, null);
                }
            }
            report(query, null, false, "pendulum");
        }
    }

    private static void report(IdeaQuery query, IdeaQuery.Sort sort, boolean ascending, String search) {
        String list = IdeaQuery.listName(sort, ascending);
        PageRequest first = new PageRequest(list, 50, null);
        // walk 100 pages down to measure a deep one
        Page<IdeaQuery.IdeaRow> page = read(query, sort, ascending, search, first);
        PageRequest deep = first;
        for (int i = 0; i < 100 && page.continueToken() != null; i++) {
            deep = PageRequest.parse(list, "50", page.continueToken(), new io.animops.operator.common.QueryParams());
            page = read(query, sort, ascending, search, deep);
        }
        String label = (search == null ? "sort " + (sort == null ? "createdAt" : sort) : "search '" + search + "'")
                + (ascending ? " asc" : " desc");
        System.out.printf(
                "%-28s first page %s   page 101 %s%n",
                label, timed(query, sort, ascending, search, first), timed(query, sort, ascending, search, deep));
    }

    private static Page<IdeaQuery.IdeaRow> read(
            IdeaQuery query, IdeaQuery.Sort sort, boolean ascending, String search, PageRequest page) {
        return query.list(new IdeaQuery.Listing(null, null, null, search, sort, ascending, page));
    }

    private static String timed(
            IdeaQuery query, IdeaQuery.Sort sort, boolean ascending, String search, PageRequest page) {
        double[] ms = new double[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            read(query, sort, ascending, search, page);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("%6.2f / %6.2f", ms[READS / 2], ms[(int) (READS * 0.95)]);
    }

    private static void load(DataSource db, int count) throws Exception {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> words = List.of("pendulum", "domino", "marble", "bridge", "avalanche", "chain", "spring", "orbit");
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into ideas (uid, namespace, name, schedule, title, premise, source, phase,
                                           similarity_score, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'Llm', ?, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String word = words.get(random.nextInt(words.size()));
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "ns-" + (i % 3));
                insert.setString(3, word + "-" + i);
                insert.setString(4, i % 7 == 0 ? null : "schedule-" + (i % 5));
                insert.setString(5, "A " + word + " number " + i);
                insert.setString(6, "A premise about a " + word + " and " + words.get(random.nextInt(words.size())));
                insert.setString(7, PHASES[random.nextInt(PHASES.length)]);
                insert.setObject(8, i % 9 == 0 ? null : random.nextDouble());
                insert.setObject(9, start.plusSeconds(37L * i).atOffset(ZoneOffset.UTC));
                insert.setObject(10, start.plusSeconds(37L * i + random.nextInt(100_000)).atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            try (var analyze = c.createStatement()) {
                analyze.execute("analyze ideas");
            }
        }
    }
}
