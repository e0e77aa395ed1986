package dev.contentpipeline.connections;

import co.elastic.clients.transport.http.TransportHttpClient.Request;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bodies {@link WholeBodyTransport} hands the REST client; the records they go out in: ElasticsearchTlsTests. */
class WholeBodyTransportTests {

    @Test
    void aBodyOfSeveralBuffersBecomesOneWithTheSameBytesInOrder() {
        ByteBuffer action = utf8("{\"index\":{\"_id\":\"a1\"}}");
        ByteBuffer document = utf8("{\"title\":\"Hegang\"}");
        ByteBuffer newline = utf8("\n");
        Request request = new Request("POST", "/_bulk", Map.of("filter_path", "errors"),
                Map.of("Content-Type", "application/x-ndjson"), List.of(action, newline, document, newline));

        Request whole = WholeBodyTransport.WholeBodies.whole(request);

        assertThat(whole.method()).isEqualTo("POST");
        assertThat(whole.path()).isEqualTo("/_bulk");
        assertThat(whole.queryParams()).isEqualTo(request.queryParams());
        assertThat(whole.headers()).isEqualTo(request.headers());
        assertThat(whole.body()).hasSize(1);
        ByteBuffer body = whole.body().iterator().next();
        assertThat(StandardCharsets.UTF_8.decode(body.duplicate()).toString())
            .isEqualTo("{\"index\":{\"_id\":\"a1\"}}\n{\"title\":\"Hegang\"}\n");
        // The client's buffers are read, not consumed: made whole again, the request has the same body.
        assertThat(action.remaining()).isEqualTo(22);
        assertThat(WholeBodyTransport.WholeBodies.whole(request).body().iterator().next()).isEqualTo(body);
    }

    @Test
    void aBodyOfOneBufferOrNoneIsLeftAsItIs() {
        Request search = new Request("POST", "/articles/_search", Map.of(), Map.of(),
                List.of(utf8("{\"query\":{\"match_all\":{}}}")));
        Request count = new Request("GET", "/articles/_count", Map.of(), Map.of(), null);
        Request empty = new Request("POST", "/_bulk", Map.of(), Map.of(), List.of());

        assertThat(WholeBodyTransport.WholeBodies.whole(search)).isSameAs(search);
        assertThat(WholeBodyTransport.WholeBodies.whole(count)).isSameAs(count);
        assertThat(WholeBodyTransport.WholeBodies.whole(empty)).isSameAs(empty);
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
