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

/** One attempt at writing an idea's scene script, first try or repair. */
@Group(AnimOps.GROUP)
@Version(AnimOps.VERSION)
@Plural("scriptattempts")
@ShortNames({"attempt", "sat"})
@Categories(AnimOps.CATEGORY)
@AdditionalPrinterColumn(name = "Idea", jsonPath = ".spec.ideaRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Attempt", jsonPath = ".spec.attempt", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Provider",
        jsonPath = ".status.authoring.provider",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Errors", jsonPath = ".status.errorCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class ScriptAttempt extends CustomResource<ScriptAttemptSpec, ScriptAttemptStatus> implements Namespaced {}
