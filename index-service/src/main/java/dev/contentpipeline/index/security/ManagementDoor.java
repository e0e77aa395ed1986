package dev.contentpipeline.index.security;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.apikeys.Scope;
import dev.contentpipeline.index.IndexProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * index-service's port is a management port: only health is public. The dead-letter API, the re-drive and the
 * actuator beyond health need a key with the admin scope ({@code INDEX_SECURITY_KEYS_<NAME>_SHA256}, the same
 * hashed-key scheme as ingest).
 */
@Configuration(proxyBeanMethods = false)
class ManagementDoor {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(IndexProperties properties) {
        return ApiKeyFilter.registration("index", properties.security(), ManagementDoor::requiredScope);
    }

    static Optional<Scope> requiredScope(String path) {
        return ApiKeyFilter.isOrUnder(path, "/actuator/health") || path.equals("/error") ? Optional.empty()
                : Optional.of(Scope.ADMIN);
    }
}
