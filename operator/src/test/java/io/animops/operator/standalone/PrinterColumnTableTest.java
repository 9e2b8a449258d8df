package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.validation.CrdSchemaValidator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrinterColumnTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = """
            {"apiVersion":"animops.io/v1alpha1","kind":"RenderAgent",
             "metadata":{"name":"mac","creationTimestamp":"2026-01-01T00:00:00Z","resourceVersion":"7"},
             "spec":{"os":"darwin","arch":"arm64"},
             "status":{"activeJobs":2,"conditions":[
               {"type":"Scheduled","status":"False"},
               {"type":"Ready","status":"True"}]}}
            """;

    @Test
    void jsonPathFieldsIndexesAndFilters() throws Exception {
        JsonNode agent = JSON.readTree(AGENT);
        assertThat(new SimpleJsonPath(".spec.os").evaluate(agent))
                .extracting(JsonNode::asText)
                .containsExactly("darwin");
        assertThat(new SimpleJsonPath(".status.conditions[?(@.type==\"Ready\")].status").evaluate(agent))
                .extracting(JsonNode::asText)
                .containsExactly("True");
        assertThat(new SimpleJsonPath("{.status.conditions[?(@.type=='Scheduled')].status}").evaluate(agent))
                .extracting(JsonNode::asText)
                .containsExactly("False");
        assertThat(new SimpleJsonPath(".status.conditions[1].type").evaluate(agent))
                .extracting(JsonNode::asText)
                .containsExactly("Ready");
        assertThat(new SimpleJsonPath(".status.conditions[*].type").evaluate(agent))
                .extracting(JsonNode::asText)
                .containsExactly("Scheduled", "Ready");
        assertThat(new SimpleJsonPath(".status.lastHeartbeat").evaluate(agent)).isEmpty();
        assertThat(new SimpleJsonPath(".status.conditions[?(@.type==\"Gone\")].status").evaluate(agent))
                .isEmpty();
        assertThatThrownBy(() -> new SimpleJsonPath(".a[").evaluate(agent))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void humanDurationsMatchKubectl() {
        assertThat(PrinterColumnTable.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofMinutes(5 * 60 + 10)))
                .isEqualTo("5h10m");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofDays(365 * 2 + 10)))
                .isEqualTo("2y10d");
        assertThat(PrinterColumnTable.humanDuration(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
    }

    @Test
    void tableRowsCarryTypedCellsAndPartialMetadata() throws Exception {
        CustomResourceDefinitionVersion version = CrdSchemaValidator.bundledCrds().stream()
                .filter(c -> c.getSpec().getNames().getKind().equals("RenderAgent"))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getVersions()
                .get(0);
        JsonNode list = JSON.readTree(
                "{\"kind\":\"RenderAgentList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[" + AGENT + "]}");
        JsonNode table = JSON.readTree(
                new PrinterColumnTable(JSON).render(version, list, "v1", null, Instant.parse("2026-01-01T00:03:12Z")));
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("9");
        assertThat(table.path("columnDefinitions"))
                .extracting(c -> c.path("name").asText())
                .containsExactly("Name", "Ready", "OS", "Arch", "Godot", "Active", "Heartbeat", "Age");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("mac");
        assertThat(cells.get(1).asText()).isEqualTo("True");
        assertThat(cells.get(4).isNull()).isTrue();
        assertThat(cells.get(5).isIntegralNumber()).isTrue();
        assertThat(cells.get(5).asInt()).isEqualTo(2);
        assertThat(cells.get(7).asText()).isEqualTo("3m12s");
        JsonNode object = table.path("rows").get(0).path("object");
        assertThat(object.path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(object.path("metadata").path("name").asText()).isEqualTo("mac");
        assertThat(object.has("spec")).isFalse();
    }

    @Test
    void acceptHeaderNegotiation() {
        assertThat(
                        PrinterColumnTable.tableVersion(
                                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"))
                .isEqualTo("v1");
        assertThat(PrinterColumnTable.tableVersion("application/json;as=Table;v=v1beta1;g=meta.k8s.io"))
                .isEqualTo("v1beta1");
        assertThat(PrinterColumnTable.wantsTable("application/json")).isFalse();
        assertThat(PrinterColumnTable.wantsTable(null)).isFalse();
    }

    @Test
    void resourcePathsParseLikeTheApiServerRoutes() {
        ResourcePath status = ResourcePath.parse(
                        "/apis/animops.io/v1alpha1/namespaces/default/animationideas/x/status?force=true")
                .orElseThrow();
        assertThat(status)
                .extracting(
                        ResourcePath::group,
                        ResourcePath::version,
                        ResourcePath::namespace,
                        ResourcePath::plural,
                        ResourcePath::name,
                        ResourcePath::subresource)
                .containsExactly("animops.io", "v1alpha1", "default", "animationideas", "x", "status");
        assertThat(status.queryParameter("force")).isEqualTo("true");
        ResourcePath namespace = ResourcePath.parse("/api/v1/namespaces/studio").orElseThrow();
        assertThat(namespace.plural()).isEqualTo("namespaces");
        assertThat(namespace.name()).isEqualTo("studio");
        assertThat(namespace.namespace()).isNull();
        ResourcePath cluster = ResourcePath.parse("/apis/animops.io/v1alpha1/renderagents?watch=true")
                .orElseThrow();
        assertThat(cluster.isCollection()).isTrue();
        assertThat(cluster.isWatch()).isTrue();
        assertThat(ResourcePath.parse("/apis/animops.io/v1alpha1")).isEmpty();
        assertThat(ResourcePath.parse("/version")).isEmpty();
    }
}
