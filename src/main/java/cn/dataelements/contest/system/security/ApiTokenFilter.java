package cn.dataelements.contest.system.security;

import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.system.storage.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>}: a personal API token ({@link ApiTokens}) or
 * the environment admin's token. The request acts as the token's account with its roles of the moment, for this
 * request only (no session). A token that is unknown, revoked, or whose account is disabled or locked is answered 401
 * at once. A browser never sends such a header by itself, so a page on another site cannot make it send one.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final SecurityProperties security;

    ApiTokenFilter(ApiTokens tokens, UserDetailsService users, SecurityProperties security) {
        this.tokens = tokens;
        this.users = users;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<UserDetails> user = owner(secret).flatMap(this::usable);
        if (user.isEmpty()) {
            log.info(
                    "Refused an API token for {} {}: unknown, revoked, or its account disabled or locked",
                    request.getMethod(),
                    request.getRequestURI());
            refuse(response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<String> owner(String secret) {
        String environment = security.adminToken();
        if (environment != null
                && MessageDigest.isEqual(
                        Sha256.of(environment).getBytes(StandardCharsets.US_ASCII),
                        Sha256.of(secret).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(security.adminUser());
        }
        return tokens.owner(secret);
    }

    private Optional<UserDetails> usable(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user.isEnabled() && user.isAccountNonLocked() ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** 401 with the reason in Chinese, as the API's other refusals give it. */
    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter()
                .write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":"
                        + "\"请在 Authorization 头中提供有效的 API 令牌（Bearer）：令牌可在“我的令牌”页面生成，已撤销的令牌或已停用的账号不能使用。\"}");
    }
}
