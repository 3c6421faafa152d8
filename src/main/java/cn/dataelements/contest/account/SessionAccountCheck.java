package cn.dataelements.contest.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request once its account is disabled, deleted or given other roles: the
 * session (kept in the database, shared by the instances, surviving restarts) holds the roles it signed in with, and
 * they must still be the account's. The user signs in again, as the account now is. Not a bean of its own: the
 * security configuration puts it in the pages' filter chain, after the session's user is known.
 */
public class SessionAccountCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final AccountStore accounts;

    public SessionAccountCheck(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && signedIn != null
                && signedIn.isAuthenticated()
                && !(signedIn instanceof AnonymousAuthenticationToken)
                && !stillValid(signedIn)) {
            log.info("Session of {} ended: the account was disabled or its roles changed", signedIn.getName());
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication signedIn) {
        Optional<Account> account = accounts.find(signedIn.getName()).filter(Account::enabled);
        if (account.isEmpty()) {
            return false;
        }
        Set<String> now = account.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> held = signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return now.equals(held);
    }
}
