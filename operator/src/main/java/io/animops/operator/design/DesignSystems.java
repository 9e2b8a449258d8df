package io.animops.operator.design;

import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.config.ConfiguredFile;
import io.animops.operator.config.InvalidDocumentException;
import io.animops.operator.db.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The design system in force: read at start from the configured file (default: the bundled
 * examples/design-system.json), validated, and stored by version. Old versions stay in the database, so the
 * version named by any render can be looked up.
 */
@ApplicationScoped
public class DesignSystems {
    static final String BUNDLED = "animops/examples/design-system.json";
    private static final Logger LOG = Logger.getLogger(DesignSystems.class);

    @Inject
    AnimOpsConfig config;

    @Inject
    Database database;

    @Inject
    Clock clock;

    private volatile DesignSystem current;

    /** A broken or conflicting design system stops the operator at start rather than at the first render. */
    void onStart(@Observes StartupEvent event) {
        current();
    }

    /** The design system new scripts and renders use. */
    public DesignSystem current() {
        DesignSystem loaded = current;
        if (loaded == null) {
            synchronized (this) {
                if (current == null) {
                    ConfiguredFile file =
                            ConfiguredFile.read(config.designSystem().file(), BUNDLED, "examples/design-system.json");
                    current = register(DesignSystem.parse(file.text(), file.source()));
                    LOG.infof("design system %s from %s", current.version(), file.source());
                }
                loaded = current;
            }
        }
        return loaded;
    }

    /** The bundled examples/design-system.json, parsed (no database): what prompts use when nothing is configured. */
    public static DesignSystem bundled() {
        ConfiguredFile file = ConfiguredFile.read(Optional.empty(), BUNDLED, "examples/design-system.json");
        return DesignSystem.parse(file.text(), file.source());
    }

    /**
     * Stores the design system under its version; storing the same content again changes nothing.
     *
     * @throws InvalidDocumentException naming {@code version} when that version is stored with other content
     */
    public DesignSystem register(DesignSystem design) {
        // the stored content's hash: this one's when it was inserted now
        String stored = database.first(
                        """
                        with inserted as (
                            insert into design_systems (version, sha256, document, created_at)
                            values ($1, $2, cast(cast($3 as text) as jsonb), $4)
                            on conflict (version) do nothing
                            returning sha256)
                        select sha256 from inserted
                        union all
                        select sha256 from design_systems where version = $1
                        """,
                        row -> row.getString("sha256"),
                        design.version(),
                        design.sha256(),
                        design.json(),
                        Instant.now(clock))
                .orElseThrow();
        if (!stored.equals(design.sha256())) {
            throw new InvalidDocumentException(
                    "design system " + design.version(),
                    "version",
                    "version " + design.version()
                            + " is already stored with other content; a changed design system needs a new version");
        }
        return design;
    }

    /** A stored version, as it was registered. */
    public Optional<DesignSystem> find(String version) {
        return database.first(
                "select document::text from design_systems where version = $1",
                row -> DesignSystem.parse(row.getString("document"), "design_systems row " + version),
                version);
    }

    /** Every stored version, oldest first. */
    public List<String> versions() {
        return database.list(
                "select version from design_systems order by created_at, version", row -> row.getString("version"));
    }
}
