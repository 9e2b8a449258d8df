package io.animops.crds.v1alpha1;

import io.animops.crds.AnimOps;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A machine running Godot that registers itself and claims render jobs (cluster-scoped). */
@Group(AnimOps.GROUP)
@Version(AnimOps.VERSION)
@Plural("renderagents")
@ShortNames("ragent")
@Categories(AnimOps.CATEGORY)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "OS", jsonPath = ".spec.os", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Arch", jsonPath = ".spec.arch", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Godot", jsonPath = ".spec.godotVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeJobs", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Heartbeat",
        jsonPath = ".status.lastHeartbeat",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class RenderAgent extends CustomResource<RenderAgentSpec, RenderAgentStatus> {}
