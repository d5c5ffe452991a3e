package org.civicgraph.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Every request may be anonymous; a bearer token, when sent, must be valid and makes the request a {@link Caller}.
 * What a caller may read or change is decided where the data is, with {@link RecordAccess}, so the same rules
 * hold however a service is reached.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(ClientRateLimitProperties.class)
public class SecurityAutoConfiguration {

    @Bean
    SecurityFilterChain civicgraphSecurityFilterChain(HttpSecurity http, ClientRateLimitProperties rateLimit,
                                                      ObjectProvider<MeterRegistry> meters) throws Exception {
        return http
                .addFilterAfter(new ClientRateLimitFilter(rateLimit, meters.getIfAvailable(), System::nanoTime),
                        BearerTokenAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter())))
                .build();
    }

    static final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Caller caller = Caller.fromJwt(jwt);
            List<GrantedAuthority> authorities = caller.roles().stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
