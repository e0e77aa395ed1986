package dev.contentpipeline.apikeys;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyDigestTests {

    @Test
    void aKeyIsKnownByItsHexSha256AndEachHashStartsAfresh() {
        // FIPS 180-2's examples
        assertThat(ApiKeyFilter.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeyFilter.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(ApiKeyFilter.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void threadsHashingAtOnceEachGetTheirOwnKeysDigest() throws Exception {
        String expected = ApiKeyFilter.sha256("key-7");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = IntStream.range(0, 4_000)
                    .mapToObj(n -> (Callable<String>) () -> ApiKeyFilter.sha256("key-" + (n % 10))).toList();
            List<Future<String>> results = pool.invokeAll(tasks);
            for (int n = 0; n < results.size(); n++) {
                assertThat(results.get(n).get()).isEqualTo(ApiKeyFilter.sha256("key-" + (n % 10)));
            }
            assertThat(results.get(7).get()).isEqualTo(expected);
        }
        finally {
            pool.shutdownNow();
        }
    }
}
