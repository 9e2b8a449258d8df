package io.animops.operator.design;

import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.config.ConfiguredFile;
import io.animops.operator.config.InvalidDocumentException;
import io.animops.operator.db.Database;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
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
        String stored = database.inTransaction(s -> s.find(DesignSystemRecord.class, design.version())
                .chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(found.sha256);
                    }
                    DesignSystemRecord row = new DesignSystemRecord();
                    row.version = design.version();
                    row.sha256 = design.sha256();
                    row.document = design.json();
                    row.createdAt = Instant.now(clock);
                    return s.persist(row).replaceWith(design.sha256());
                }));
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
        DesignSystemRecord row = database.inTransaction(s -> s.find(DesignSystemRecord.class, version));
        return Optional.ofNullable(row).map(r -> DesignSystem.parse(r.document, "design_systems row " + r.version));
    }

    /** Every stored version, oldest first. */
    public List<String> versions() {
        return database.inTransaction(s -> s.createQuery(
                        "select d.version from DesignSystemRecord d order by d.createdAt, d.version", String.class)
                .getResultList());
    }
}
