package dev.contentpipeline.ingest.door;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.apikeys.Scope;
import dev.contentpipeline.ingest.IngestProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Who may pass ingest's door: health and the OpenAPI description are public; the actuator beyond health needs a
 * key with the admin scope; everything else (so all of /api, and any path nobody thought of) a key with the write
 * scope. Each key has its rate limit.
 */
@Configuration(proxyBeanMethods = false)
class IngestDoor {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(IngestProperties properties) {
        return ApiKeyFilter.registration("ingest", properties.security(), IngestDoor::requiredScope);
    }

    static Optional<Scope> requiredScope(String path) {
        if (ApiKeyFilter.isOrUnder(path, "/actuator/health") || ApiKeyFilter.isOrUnder(path, "/v3/api-docs")
                || path.equals("/v3/api-docs.yaml") || path.equals("/error")) {
            return Optional.empty();
        }
        return Optional.of(ApiKeyFilter.isOrUnder(path, "/actuator") ? Scope.ADMIN : Scope.WRITE);
    }
}
