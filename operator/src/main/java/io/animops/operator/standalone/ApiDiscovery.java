package io.animops.operator.standalone;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDRBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy (unaggregated) discovery documents a real API server serves, built from the CRDs stored in the
 * embedded API plus the few built-in resources the standalone mode uses. kubectl resolves short names
 * ({@code idea}), categories ({@code animops}) and scope from these; the Fabric8 mock alone answers
 * {@code /apis/{group}/{version}} without verbs, short names or categories, and {@code /api}, {@code /apis} not at all.
 */
final class ApiDiscovery {
    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    /** Built-in resources, keyed by group/version; these exist in every cluster and the operator or kubectl touch them. */
    private static final Map<String, List<APIResource>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put(
                "v1",
                List.of(
                        builtIn("namespaces", "namespace", "Namespace", false, List.of("ns")),
                        builtIn("configmaps", "configmap", "ConfigMap", true, List.of("cm")),
                        builtIn("secrets", "secret", "Secret", true, List.of()),
                        builtIn("events", "event", "Event", true, List.of("ev")),
                        builtIn("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa")),
                        inAll(builtIn("services", "service", "Service", true, List.of("svc"))),
                        inAll(builtIn("pods", "pod", "Pod", true, List.of("po")))));
        BUILT_IN.put(
                "apiextensions.k8s.io/v1",
                List.of(builtIn(
                        "customresourcedefinitions",
                        "customresourcedefinition",
                        "CustomResourceDefinition",
                        false,
                        List.of("crd", "crds"))));
        BUILT_IN.put("events.k8s.io/v1", List.of(builtIn("events", "event", "Event", true, List.of("ev"))));
        BUILT_IN.put("coordination.k8s.io/v1", List.of(builtIn("leases", "lease", "Lease", true, List.of())));
    }

    private final List<CustomResourceDefinition> crds;

    ApiDiscovery(List<CustomResourceDefinition> crds) {
        this.crds = crds;
    }

    /** The JSON document for a discovery path, or empty when the path is not a discovery path. */
    Optional<String> documentFor(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/api")) {
            return Optional.of(Serialization.asJson(new APIVersionsBuilder()
                    .withVersions("v1")
                    .withServerAddressByClientCIDRs(new ServerAddressByClientCIDRBuilder()
                            .withClientCIDR("0.0.0.0/0")
                            .withServerAddress("localhost")
                            .build())
                    .build()));
        }
        if (p.equals("/api/v1")) {
            return Optional.of(resourceList("v1"));
        }
        if (p.equals("/apis")) {
            return Optional.of(Serialization.asJson(
                    new APIGroupListBuilder().withGroups(groups()).build()));
        }
        String[] parts = p.split("/");
        if (parts.length == 3 && parts[1].equals("apis")) {
            return groups().stream()
                    .filter(g -> g.getName().equals(parts[2]))
                    .findFirst()
                    .map(Serialization::asJson);
        }
        if (parts.length == 4 && parts[1].equals("apis")) {
            String groupVersion = parts[2] + "/" + parts[3];
            if (BUILT_IN.containsKey(groupVersion)
                    || crdsServing(parts[2], parts[3]).findAny().isPresent()) {
                return Optional.of(resourceList(groupVersion));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private List<APIGroup> groups() {
        Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
        Map<String, String> preferred = new LinkedHashMap<>();
        for (String groupVersion : BUILT_IN.keySet()) {
            if (groupVersion.contains("/")) {
                String[] gv = groupVersion.split("/");
                versionsByGroup.computeIfAbsent(gv[0], g -> new ArrayList<>()).add(gv[1]);
                preferred.putIfAbsent(gv[0], gv[1]);
            }
        }
        for (CustomResourceDefinition crd : crds) {
            String group = crd.getSpec().getGroup();
            for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
                if (Boolean.TRUE.equals(v.getServed())) {
                    List<String> versions = versionsByGroup.computeIfAbsent(group, g -> new ArrayList<>());
                    if (!versions.contains(v.getName())) {
                        versions.add(v.getName());
                    }
                    if (Boolean.TRUE.equals(v.getStorage())) {
                        preferred.put(group, v.getName());
                    }
                }
            }
        }
        List<APIGroup> groups = new ArrayList<>();
        versionsByGroup.forEach((group, versions) -> {
            List<GroupVersionForDiscovery> gvs = versions.stream()
                    .map(v -> new GroupVersionForDiscovery(group + "/" + v, v))
                    .toList();
            String pref = preferred.getOrDefault(group, versions.get(0));
            groups.add(new APIGroupBuilder()
                    .withName(group)
                    .withVersions(gvs)
                    .withPreferredVersion(new GroupVersionForDiscovery(group + "/" + pref, pref))
                    .build());
        });
        return groups;
    }

    /** Every served group/version: {@code v1} for the core group, {@code group/version} otherwise. */
    List<String> groupVersions() {
        List<String> all = new ArrayList<>();
        all.add("v1");
        groups().forEach(g -> g.getVersions().forEach(v -> all.add(v.getGroupVersion())));
        return all;
    }

    private String resourceList(String groupVersion) {
        return Serialization.asJson(new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(resources(groupVersion))
                .build());
    }

    /** The resources of one group/version, subresources included (named {@code plural/subresource}). */
    List<APIResource> resources(String groupVersion) {
        List<APIResource> resources = new ArrayList<>(BUILT_IN.getOrDefault(groupVersion, List.of()));
        if (groupVersion.contains("/")) {
            String[] gv = groupVersion.split("/");
            crdsServing(gv[0], gv[1]).forEach(crd -> {
                var names = crd.getSpec().getNames();
                boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
                resources.add(new APIResourceBuilder()
                        .withName(names.getPlural())
                        .withSingularName(
                                names.getSingular() == null ? names.getKind().toLowerCase() : names.getSingular())
                        .withKind(names.getKind())
                        .withNamespaced(namespaced)
                        .withVerbs(ALL_VERBS)
                        .withShortNames(names.getShortNames())
                        .withCategories(names.getCategories())
                        .build());
                CustomResourceDefinitionVersion version = crd.getSpec().getVersions().stream()
                        .filter(v -> v.getName().equals(gv[1]))
                        .findFirst()
                        .orElseThrow();
                if (version.getSubresources() != null
                        && version.getSubresources().getStatus() != null) {
                    resources.add(new APIResourceBuilder()
                            .withName(names.getPlural() + "/status")
                            .withSingularName("")
                            .withKind(names.getKind())
                            .withNamespaced(namespaced)
                            .withVerbs(SUBRESOURCE_VERBS)
                            .build());
                }
            });
        }
        return resources;
    }

    /** The kind of a built-in resource, found without reading the CRDs. */
    static Optional<String> builtInKind(String group, String version, String plural) {
        return BUILT_IN.getOrDefault(group.isEmpty() ? version : group + "/" + version, List.of()).stream()
                .filter(r -> r.getName().equals(plural))
                .map(APIResource::getKind)
                .findFirst();
    }

    /** The kind of a served resource, or empty when the group/version does not serve it. */
    Optional<String> kindOf(String group, String version, String plural) {
        return resources(group.isEmpty() ? version : group + "/" + version).stream()
                .filter(r -> r.getName().equals(plural))
                .map(APIResource::getKind)
                .findFirst();
    }

    private java.util.stream.Stream<CustomResourceDefinition> crdsServing(String group, String version) {
        return crds.stream()
                .filter(crd -> crd.getSpec().getGroup().equals(group)
                        && crd.getSpec().getVersions().stream()
                                .anyMatch(v -> v.getName().equals(version) && Boolean.TRUE.equals(v.getServed())));
    }

    /** {@code kubectl get all} lists the resources in the category {@code all}; a real server puts workloads there. */
    private static APIResource inAll(APIResource resource) {
        resource.setCategories(List.of("all"));
        return resource;
    }

    private static APIResource builtIn(
            String plural, String singular, String kind, boolean namespaced, List<String> shortNames) {
        return new APIResourceBuilder()
                .withName(plural)
                .withSingularName(singular)
                .withKind(kind)
                .withNamespaced(namespaced)
                .withVerbs(ALL_VERBS)
                .withShortNames(shortNames)
                .build();
    }
}
