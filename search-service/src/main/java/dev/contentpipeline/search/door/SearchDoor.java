package dev.contentpipeline.search.door;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.apikeys.Scope;
import dev.contentpipeline.search.SearchProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.Optional;

/**
 * Who may pass search's door: readers need nothing for the search API, the records, the page and the OpenAPI
 * description, but each client has its rate ({@link ClientRateLimitFilter}); the actuator beyond health needs a key
 * with the admin scope ({@code SEARCH_SECURITY_KEYS_<NAME>_SHA256}).
 */
@Configuration(proxyBeanMethods = false)
class SearchDoor {

    @Bean
    FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(SearchProperties properties) {
        FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
                new ClientRateLimitFilter(properties.clientRateLimit()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SearchProperties properties) {
        return ApiKeyFilter.registration("search", properties.security(), SearchDoor::requiredScope);
    }

    static Optional<Scope> requiredScope(String path) {
        return ApiKeyFilter.isOrUnder(path, "/actuator") && !ApiKeyFilter.isOrUnder(path, "/actuator/health")
                ? Optional.of(Scope.ADMIN) : Optional.empty();
    }
}
