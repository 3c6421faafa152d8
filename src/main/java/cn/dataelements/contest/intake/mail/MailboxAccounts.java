package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.receipt.ReadAddresses;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mail.MailEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The accounts of every mailbox route running now, as their endpoints were configured from the route files, plus the
 * default mailbox's: the addresses this app reads, so a receipt never goes to one of them.
 */
@Component
class MailboxAccounts implements ReadAddresses {

    private final ObjectProvider<CamelContext> camel;
    private final MailProperties defaults;

    MailboxAccounts(ObjectProvider<CamelContext> camel, MailProperties defaults) {
        this.camel = camel;
        this.defaults = defaults;
    }

    @Override
    public List<String> all() {
        List<String> accounts = new ArrayList<>();
        accounts.add(defaults.username());
        CamelContext context = camel.getIfAvailable();
        if (context != null) {
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof MailEndpoint mail
                        && mail.getConfiguration().getUsername() != null) {
                    accounts.add(mail.getConfiguration().getUsername());
                }
            }
        }
        return accounts;
    }
}
