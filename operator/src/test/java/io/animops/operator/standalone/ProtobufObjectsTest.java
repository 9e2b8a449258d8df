package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The protobuf bodies below are what kubectl 1.32 sends, captured from the wire. */
class ProtobufObjectsTest {
    /** kubectl create configmap cm1 --from-literal=a=b */
    private static final String CONFIG_MAP =
            "azhzAAoPCgJ2MRIJQ29uZmlnTWFwEh0KEwoDY20xEgAaACIAKgAyADgAQgASBgoBYRIB" + "YhoAIgA=";
    /** kubectl create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p */
    private static final String SECRET = "azhzAAoMCgJ2MRIGU2VjcmV0EpEBChMKA3JlZxIAGgAiACoAMgA4AEIAEloKES5kb2NrZXJjb25m"
            + "aWdqc29uEkV7ImF1dGhzIjp7InIuZXhhbXBsZSI6eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAiLCJh"
            + "dXRoIjoiZFRwdyJ9fX0aHmt1YmVybmV0ZXMuaW8vZG9ja2VyY29uZmlnanNvbhoAIgA=";
    /** kubectl auth can-i create ideas */
    private static final String ACCESS_REVIEW = "azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZX"
            + "ZpZXcSQAoQCgASABoAIgAqADIAOABCABIiCiAKB2RlZmF1bHQSBmNyZWF0ZRoAIgAqBWlkZWFzMgA6ABoICAASABoAIAAaACIA";

    @Test
    void aConfigMapBecomesItsJsonWithoutTheEmptyFields() {
        ObjectNode object = decode(CONFIG_MAP);
        assertThat(object.toString())
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                        + "\"metadata\":{\"name\":\"cm1\"},\"data\":{\"a\":\"b\"}}");
    }

    @Test
    void aSecretKeepsItsTypeAndItsDataInBase64() {
        ObjectNode object = decode(SECRET);
        assertThat(object.path("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
        String config = new String(
                Base64.getDecoder()
                        .decode(object.path("data").path(".dockerconfigjson").asText()),
                StandardCharsets.UTF_8);
        assertThat(config).contains("\"r.example\"").contains("\"username\":\"u\"");
    }

    @Test
    void anAccessReviewKeepsItsResourceAttributes() {
        ObjectNode object = decode(ACCESS_REVIEW);
        assertThat(object.path("spec").path("resourceAttributes").toString())
                .isEqualTo("{\"namespace\":\"default\",\"verb\":\"create\",\"resource\":\"ideas\"}");
    }

    @Test
    void bytesWithoutTheEnvelopeAreRefused() {
        assertThatThrownBy(() -> ProtobufObjects.toJson("{\"kind\":\"ConfigMap\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k8s");
        byte[] truncated = java.util.Arrays.copyOf(Base64.getDecoder().decode(CONFIG_MAP), 20);
        assertThatThrownBy(() -> ProtobufObjects.toJson(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aKindNotReadIsReportedAsSuch() {
        byte[] pod = Base64.getDecoder().decode(CONFIG_MAP.replace("Q29uZmlnTWFw", "UG9kAAAAAAAA"));
        assertThat(ProtobufObjects.toJson(pod)).isEmpty();
    }

    private static ObjectNode decode(String base64) {
        return ProtobufObjects.toJson(Base64.getDecoder().decode(base64)).orElseThrow();
    }
}
