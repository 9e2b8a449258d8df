package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Kubernetes protobuf encoding ({@code application/vnd.kubernetes.protobuf}) of the built-in objects kubectl
 * sends that way: its typed clients ({@code kubectl create namespace|secret|configmap|serviceaccount},
 * {@code kubectl auth can-i}) always write protobuf and never fall back to JSON, so the embedded API, which stores
 * JSON, turns these few kinds into JSON. The envelope is {@code "k8s\0"} then a {@code runtime.Unknown} message
 * (typeMeta 1, raw 2); field numbers are those of k8s.io/api's generated.proto. Unknown fields are skipped and empty
 * values left out, as their JSON form omits them.
 */
final class ProtobufObjects {
    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private enum Type {
        STRING,
        BOOL,
        MESSAGE,
        STRING_MAP,
        BYTES_MAP,
        STRINGS
    }

    private record Field(String name, Type type, Map<Integer, Field> message) {
        static Field of(String name, Type type) {
            return new Field(name, type, Map.of());
        }

        static Field message(String name, Map<Integer, Field> fields) {
            return new Field(name, Type.MESSAGE, fields);
        }
    }

    private static final Map<Integer, Field> OBJECT_META = Map.of(
            1,
            Field.of("name", Type.STRING),
            2,
            Field.of("generateName", Type.STRING),
            3,
            Field.of("namespace", Type.STRING),
            5,
            Field.of("uid", Type.STRING),
            6,
            Field.of("resourceVersion", Type.STRING),
            11,
            Field.of("labels", Type.STRING_MAP),
            12,
            Field.of("annotations", Type.STRING_MAP),
            14,
            Field.of("finalizers", Type.STRINGS));
    private static final Field METADATA = Field.message("metadata", OBJECT_META);

    /** The kinds read, by kind; each is the object's top-level message. */
    private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
            "Namespace", Map.of(1, METADATA, 2, Field.message("spec", Map.of(1, Field.of("finalizers", Type.STRINGS)))),
            "ConfigMap",
                    Map.of(
                            1,
                            METADATA,
                            2,
                            Field.of("data", Type.STRING_MAP),
                            3,
                            Field.of("binaryData", Type.BYTES_MAP),
                            4,
                            Field.of("immutable", Type.BOOL)),
            "Secret",
                    Map.of(
                            1,
                            METADATA,
                            2,
                            Field.of("data", Type.BYTES_MAP),
                            3,
                            Field.of("type", Type.STRING),
                            4,
                            Field.of("stringData", Type.STRING_MAP),
                            5,
                            Field.of("immutable", Type.BOOL)),
            "ServiceAccount", Map.of(1, METADATA, 4, Field.of("automountServiceAccountToken", Type.BOOL)),
            "SelfSubjectAccessReview",
                    Map.of(
                            1,
                            METADATA,
                            2,
                            Field.message(
                                    "spec",
                                    Map.of(
                                            1,
                                                    Field.message(
                                                            "resourceAttributes",
                                                            Map.of(
                                                                    1,
                                                                    Field.of("namespace", Type.STRING),
                                                                    2,
                                                                    Field.of("verb", Type.STRING),
                                                                    3,
                                                                    Field.of("group", Type.STRING),
                                                                    4,
                                                                    Field.of("version", Type.STRING),
                                                                    5,
                                                                    Field.of("resource", Type.STRING),
                                                                    6,
                                                                    Field.of("subresource", Type.STRING),
                                                                    7,
                                                                    Field.of("name", Type.STRING))),
                                            2,
                                                    Field.message(
                                                            "nonResourceAttributes",
                                                            Map.of(
                                                                    1,
                                                                    Field.of("path", Type.STRING),
                                                                    2,
                                                                    Field.of("verb", Type.STRING)))))),
            "SelfSubjectRulesReview",
                    Map.of(1, METADATA, 2, Field.message("spec", Map.of(1, Field.of("namespace", Type.STRING)))));

    private ProtobufObjects() {}

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.split(";")[0].trim().equalsIgnoreCase(MEDIA_TYPE);
    }

    /**
     * The JSON form of a protobuf-encoded object, or empty when its kind is not one of those read here.
     *
     * @throws IllegalArgumentException when the bytes are not the Kubernetes protobuf envelope
     */
    static Optional<ObjectNode> toJson(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf message (no \"k8s\\0\" prefix)");
        }
        Reader unknown = new Reader(body, MAGIC.length, body.length);
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        while (unknown.more()) {
            int tag = unknown.varint32();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Reader typeMeta = unknown.nested();
                while (typeMeta.more()) {
                    int t = typeMeta.varint32();
                    if (t >>> 3 == 1 && (t & 7) == 2) {
                        apiVersion = typeMeta.string();
                    } else if (t >>> 3 == 2 && (t & 7) == 2) {
                        kind = typeMeta.string();
                    } else {
                        typeMeta.skip(t & 7);
                    }
                }
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                raw = unknown.bytes();
            } else {
                unknown.skip(tag & 7);
            }
        }
        Map<Integer, Field> schema = KINDS.get(kind);
        if (schema == null) {
            return Optional.empty();
        }
        ObjectNode object = JSON.objectNode();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        read(new Reader(raw, 0, raw.length), schema, object);
        return Optional.of(object);
    }

    /** The kinds this class reads, for the message that refuses the others. */
    static String kindsRead() {
        return String.join(", ", KINDS.keySet().stream().sorted().toList());
    }

    private static void read(Reader in, Map<Integer, Field> schema, ObjectNode into) {
        while (in.more()) {
            int tag = in.varint32();
            Field field = schema.get(tag >>> 3);
            if (field == null) {
                in.skip(tag & 7);
                continue;
            }
            switch (field.type()) {
                case STRING -> putIfNotEmpty(into, field.name(), in.string());
                case BOOL -> into.put(field.name(), in.varint() != 0);
                case STRINGS -> {
                    ArrayNode values = into.get(field.name()) instanceof ArrayNode a ? a : into.putArray(field.name());
                    values.add(in.string());
                }
                case STRING_MAP, BYTES_MAP -> {
                    Reader entry = in.nested();
                    String key = "";
                    String value = "";
                    while (entry.more()) {
                        int t = entry.varint32();
                        if (t >>> 3 == 1) {
                            key = entry.string();
                        } else if (t >>> 3 == 2) {
                            value = field.type() == Type.STRING_MAP
                                    ? entry.string()
                                    : Base64.getEncoder().encodeToString(entry.bytes());
                        } else {
                            entry.skip(t & 7);
                        }
                    }
                    ObjectNode map = into.get(field.name()) instanceof ObjectNode m ? m : into.putObject(field.name());
                    map.put(key, value);
                }
                case MESSAGE -> {
                    ObjectNode nested = JSON.objectNode();
                    read(in.nested(), field.message(), nested);
                    if (!nested.isEmpty()) {
                        into.set(field.name(), nested);
                    }
                }
            }
        }
    }

    private static void putIfNotEmpty(ObjectNode into, String name, String value) {
        if (!value.isEmpty()) {
            into.put(name, value);
        }
    }

    /** The protobuf wire format over a slice of bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final int end;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed protobuf varint");
        }

        int varint32() {
            return (int) varint();
        }

        byte[] bytes() {
            int length = varint32();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Reader nested() {
            byte[] value = bytes();
            return new Reader(value, 0, value.length);
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> bytes();
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
        }

        private void advance(int count) {
            if (position + count > end) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            position += count;
        }

        private byte next() {
            if (position >= end) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            return bytes[position++];
        }
    }
}
