package cn.dataelements.contest.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of the accounts: a disabled account cannot sign in, a locked one not until its time ends. */
@Component
class AccountUsers implements UserDetailsService {

    private final AccountStore accounts;
    private final LoginAttempts attempts;

    AccountUsers(AccountStore accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account =
                accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.enabled())
                .accountLocked(attempts.lockedUntil(username).isPresent())
                .build();
    }
}
