package io.animops.agent.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.MediaFacts;

import java.io.IOException;

/** Reads {@code ffprobe -print_format json -show_format -show_streams} into {@link MediaFacts} (without segments). */
public final class FfprobeReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FfprobeReport() {}

    public static MediaFacts parse(String json) throws MediaException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new MediaException("ffprobe: output is not JSON: " + e.getMessage(), e);
        }
        JsonNode video = null;
        for (JsonNode stream : root.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText())) {
                video = stream;
                break;
            }
        }
        if (video == null) {
            throw new MediaException("ffprobe: the file has no video stream");
        }
        JsonNode format = root.path("format");
        MediaFacts facts = new MediaFacts();
        facts.setDurationSeconds(decimal(format.path("duration")));
        facts.setBitRate(whole(format.path("bit_rate")));
        facts.setBytes(whole(format.path("size")));
        facts.setWidth(video.path("width").isInt() ? video.path("width").asInt() : null);
        facts.setHeight(video.path("height").isInt() ? video.path("height").asInt() : null);
        facts.setFps(rate(video.path("avg_frame_rate").asText(null)));
        facts.setVideoCodec(video.path("codec_name").asText(null));
        facts.setPixelFormat(video.path("pix_fmt").asText(null));
        return facts;
    }

    /** {@code "30/1"}, {@code "30000/1001"}; {@code "0/0"} (unknown) is null. */
    static Double rate(String fraction) {
        if (fraction == null) {
            return null;
        }
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 || numerator == 0 ? null : numerator / denominator;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ffprobe writes numbers as strings ("2.000000"); "N/A" and absent fields are null. */
    private static Double decimal(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? null : Double.valueOf(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? null : Long.valueOf(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
