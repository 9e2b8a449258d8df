package io.animops.crds;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hands Fabric8's HTTP watches their stream as ASCII, every other character as a JSON escape (a backslash, u and
 * four hex digits). Fabric8 7.5's {@code WatchHTTPManager} (8.0's too) decodes each buffer it receives on its own,
 * with {@code UTF_8.decode(buffer).array()}: the array is sized by bytes, so a buffer holding a multi-byte character
 * leaves NUL characters after its text, which make the next event's JSON unreadable (the watch closes and the
 * informer lists everything again); and a character split between two buffers becomes two U+FFFD, which nothing
 * notices. Object names are ASCII but titles, scripts and messages need not be. Outside JSON strings a watch event is
 * ASCII already, and inside them the escape reads as the same character, so the events are unchanged.
 */
public final class AsciiWatchStreams implements Interceptor {
    /** The name the interceptor is added under. */
    public static final String NAME = "ANIMOPS_ASCII_WATCH_STREAMS";

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(
            AsyncBody.Consumer<List<ByteBuffer>> consumer, HttpRequest request) {
        return isWatch(request) ? new Escaping(consumer) : consumer;
    }

    /** Whether the request asks for a watch stream ({@code watch=true} or {@code watch=1}, as the API server reads it). */
    static boolean isWatch(HttpRequest request) {
        String query = request.uri().getRawQuery();
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.equals("watch=true") || parameter.equals("watch=1")) {
                return true;
            }
        }
        return false;
    }

    /** The stream's consumer fed ASCII; a character split between buffers waits for its last bytes. */
    static final class Escaping implements AsyncBody.Consumer<List<ByteBuffer>> {
        private final AsyncBody.Consumer<List<ByteBuffer>> watch;
        /** The first bytes of a character whose last bytes are still to come. */
        private byte[] split = new byte[0];

        Escaping(AsyncBody.Consumer<List<ByteBuffer>> watch) {
            this.watch = watch;
        }

        @Override
        public void consume(List<ByteBuffer> buffers, AsyncBody body) throws Exception {
            List<ByteBuffer> ascii = new ArrayList<>(buffers.size());
            for (ByteBuffer buffer : buffers) {
                ascii.add(split.length == 0 && isAscii(buffer) ? buffer : escaped(buffer));
            }
            watch.consume(ascii, body);
        }

        @Override
        public <U> U unwrap(Class<U> target) {
            return watch.unwrap(target);
        }

        private static boolean isAscii(ByteBuffer buffer) {
            for (int i = buffer.position(); i < buffer.limit(); i++) {
                if (buffer.get(i) < 0) {
                    return false;
                }
            }
            return true;
        }

        private ByteBuffer escaped(ByteBuffer buffer) {
            byte[] bytes = new byte[split.length + buffer.remaining()];
            System.arraycopy(split, 0, bytes, 0, split.length);
            buffer.get(bytes, split.length, buffer.remaining());
            int whole = wholeCharacters(bytes);
            split = Arrays.copyOfRange(bytes, whole, bytes.length);
            String text = new String(bytes, 0, whole, StandardCharsets.UTF_8);
            int beyondAscii = (int) text.chars().filter(c -> c >= 0x80).count();
            // each such character takes six bytes as an escape
            ByteBuffer out = ByteBuffer.allocate(text.length() + 5 * beyondAscii);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    out.put((byte) c);
                } else {
                    out.put((byte) '\\')
                            .put((byte) 'u')
                            .put(HEX[(c >> 12) & 0xf])
                            .put(HEX[(c >> 8) & 0xf])
                            .put(HEX[(c >> 4) & 0xf])
                            .put(HEX[c & 0xf]);
                }
            }
            return out.flip();
        }

        /**
         * How many bytes hold whole characters: all, unless the last lead byte (within a character's four bytes of the
         * end) starts a character longer than what follows it.
         */
        private static int wholeCharacters(byte[] bytes) {
            for (int i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
                int b = bytes[i] & 0xff;
                if (b < 0x80) {
                    return bytes.length;
                }
                if (b >= 0xc0) {
                    int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                    return bytes.length - i < length ? i : bytes.length;
                }
            }
            return bytes.length;
        }
    }
}
