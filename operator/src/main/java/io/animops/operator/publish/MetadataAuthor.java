package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationSpec;

import java.util.ArrayList;
import java.util.List;

/** Writes a publication's title, description and tags, before the platform's limits are applied. */
@FunctionalInterface
public interface MetadataAuthor {
    /**
     * What was written and by whom.
     *
     * @param byModel true when a language model wrote it, false for the template
     * @param note    who wrote it (model, prompt version, tokens) or why the template did
     */
    record Draft(String title, String description, List<String> tags, boolean byModel, String note) {
        /** The publication's own metadata: the template's, made when the publication was. */
        public static Draft template(PublicationSpec spec, String why) {
            return new Draft(
                    spec.getTitle(),
                    spec.getDescription(),
                    spec.getTags() == null ? List.of() : new ArrayList<>(spec.getTags()),
                    false,
                    why);
        }

        /** The same draft as a spec, for {@link PlatformLimits}. */
        PublicationSpec asSpec() {
            PublicationSpec spec = new PublicationSpec();
            spec.setTitle(title);
            spec.setDescription(description);
            spec.setTags(new ArrayList<>(tags));
            return spec;
        }
    }

    Draft write(Publication publication);

    /** The template only: for tools and tests that run without a model. */
    MetadataAuthor TEMPLATE = publication -> Draft.template(publication.getSpec(), "the template wrote the metadata");
}
