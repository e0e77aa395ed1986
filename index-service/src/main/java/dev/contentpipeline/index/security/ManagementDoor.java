package dev.contentpipeline.index.security;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.apikeys.Scope;
import dev.contentpipeline.index.IndexProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter("index", "INDEX_SECURITY_KEYS", properties.security(), ManagementDoor::requiredScope));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static Optional<Scope> requiredScope(String path) {
        return ApiKeyFilter.isOrUnder(path, "/actuator/health") || path.equals("/error") ? Optional.empty()
                : Optional.of(Scope.ADMIN);
    }
}
