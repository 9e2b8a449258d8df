package io.animops.crds.v1alpha1;

import io.animops.crds.AnimOps;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One idea for an animation, from its proposal through the gate, scripting, rendering and publishing. */
@Group(AnimOps.GROUP)
@Version(AnimOps.VERSION)
@Plural("animationideas")
@ShortNames("idea")
@Categories(AnimOps.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Title", jsonPath = ".spec.title", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Similarity",
        jsonPath = ".status.similarity.score",
        type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Attempts", jsonPath = ".status.attempts", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Reason",
        jsonPath = ".status.conditions[?(@.type==\"Succeeded\")].reason",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class AnimationIdea extends CustomResource<AnimationIdeaSpec, AnimationIdeaStatus> implements Namespaced {}
