package cn.dataelements.contest.system.security;

import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.account.SessionAccountCheck;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what. Every endpoint but health and the sign-in page needs a signed-in user. The REST API
 * ({@code /api/**}) takes only personal API tokens ({@code Authorization: Bearer}, {@link ApiTokenFilter}) and is
 * stateless: no cookie and no basic credentials sign a call in, so a browser sends none by itself and a cross-site
 * form has nothing to forge. The pages use a session (form login, CSRF token on every POST) and never the API. Roles
 * (see {@code account.Role}): admins alone reach {@code /api/admin/**} and {@code /admin/**}, the auditor alone
 * {@code /audit/**}; the committee alone records decisions (on findings and on objections); the review's organizing
 * pages ({@code /review/**}) are for organizers and the committee, the reviewers' own ({@code /reviewing/**}) for
 * reviewers; contact data (submissions, exam results, the intake ledger) is for organizers and the committee, never
 * reviewers. Which entries a user
 * sees is narrowed further by {@code account.EntryAccess}. Every answer carries a Content-Security-Policy that allows
 * scripts and styles from the app only, never inline. Page sessions are kept in the database (Spring Session JDBC), so
 * they survive a restart and every instance knows them; one ends at its next request when its account is disabled or
 * its roles change ({@code account.SessionAccountCheck}).
 */
@Configuration
class SecurityConfiguration {

    /** Scripts, styles, images and fonts from the app's own origin only; no inline script, no frames, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String[] SEE_CONTACTS = {"ORGANIZER", "COMMITTEE"};

    @Bean
    SecurityFilterChain apiChain(
            HttpSecurity http, ApiTokens tokens, UserDetailsService users, SecurityProperties security)
            throws Exception {
        return headers(http.securityMatcher("/api/**"))
                .addFilterBefore(
                        new ApiTokenFilter(tokens, users, security), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/entries/*/decisions")
                        .hasRole("COMMITTEE")
                        .requestMatchers("/api/submissions/**", "/api/exam-results/**", "/api/review/**")
                        .hasAnyRole(SEE_CONTACTS)
                        .requestMatchers("/api/reviewing/**")
                        .hasRole("REVIEWER")
                        .anyRequest()
                        .authenticated())
                // only a bearer token signs a call in: no cookie, no basic, so no browser sends credentials by itself
                // and a cross-site form has nothing to forge; CSRF protects the cookie-signed pages below
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(failure ->
                        failure.authenticationEntryPoint((request, response, e) -> ApiTokenFilter.refuse(response)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    SecurityFilterChain appChain(
            HttpSecurity http,
            AccountStore accounts,
            ApiTokens tokens,
            UserDetailsService users,
            SecurityProperties security)
            throws Exception {
        return headers(http)
                .addFilterAfter(new SessionAccountCheck(accounts), SecurityContextHolderFilter.class)
                // a token reads the health details and metrics too; pages stay cookie-signed with CSRF on
                .addFilterBefore(
                        new ApiTokenFilter(tokens, users, security), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers(
                                "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("metrics", "prometheus"))
                        .hasRole("ADMIN")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/audit/**")
                        .hasRole("AUDITOR")
                        .requestMatchers("/intake/**")
                        .hasAnyRole(SEE_CONTACTS)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/entries/*/decisions",
                                "/entries/*/decisions/batch",
                                "/review/objections/*/decision")
                        .hasRole("COMMITTEE")
                        .requestMatchers("/review/**")
                        .hasAnyRole(SEE_CONTACTS)
                        .requestMatchers("/reviewing/**")
                        .hasRole("REVIEWER")
                        .requestMatchers(HttpMethod.POST, "/roadshow/control")
                        .hasRole("ORGANIZER")
                        .requestMatchers("/roadshow/control", "/roadshow/screen")
                        .hasAnyRole(SEE_CONTACTS)
                        .requestMatchers("/roadshow", "/roadshow/score")
                        .hasRole("REVIEWER")
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // a browser is sent to the sign-in page; a script or a metrics scraper is told 401
                .exceptionHandling(failure -> failure.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> ApiTokenFilter.refuse(response), SecurityConfiguration::notABrowser))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    private static boolean notABrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || !accept.contains("text/html");
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
