package io.animops.crds.validation;

import java.util.List;

/** File names of the generated CRD manifests under {@code crds/manifests} (and the chart's crds folder). */
public final class BundledCrds {
    public static final List<String> FILES = List.of(
            "contentschedules.animops.io-v1.yml",
            "animationideas.animops.io-v1.yml",
            "scriptattempts.animops.io-v1.yml",
            "renderjobs.animops.io-v1.yml",
            "publications.animops.io-v1.yml",
            "renderagents.animops.io-v1.yml");

    private BundledCrds() {}
}
