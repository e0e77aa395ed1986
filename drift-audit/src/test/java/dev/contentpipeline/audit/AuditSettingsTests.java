package dev.contentpipeline.audit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSettingsTests {

    @Test
    void readsTheCipherSuitesAsTheServicesDo() {
        var settings = AuditSettings.from(Map.of("ELASTICSEARCH_URL", "https://es-1:9200, https://es-2:9200",
                "ELASTICSEARCH_TLS_CIPHER_SUITES", "TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256,"));

        assertThat(settings.elasticsearch().tlsCipherSuites())
            .containsExactly("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");
        assertThat(settings.elasticsearch().addresses()).isEqualTo("https://es-1:9200,https://es-2:9200");
    }

    @Test
    void bothListsAreReadTheSameWay() {
        assertThat(AuditSettings.commaSeparated(" a ,, b,")).containsExactly("a", "b");
        assertThat(AuditSettings.commaSeparated(null)).isEmpty();
        assertThat(AuditSettings.from(Map.of("ELASTICSEARCH_URL", ",https://es-1:9200,  ,")).elasticsearch()
            .addresses()).isEqualTo("https://es-1:9200");
    }

    @Test
    void withoutTheVariableTheClientOffersTheJvmsDefaults() {
        assertThat(AuditSettings.from(Map.of()).elasticsearch().tlsCipherSuites()).isEmpty();
        assertThat(AuditSettings.from(Map.of("ELASTICSEARCH_TLS_CIPHER_SUITES", " ")).elasticsearch()
            .tlsCipherSuites()).isEmpty();
    }
}
