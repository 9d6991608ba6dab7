package org.consentgov.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/**
 * Who owns a webhook subscription and who may see it. The owner is the OAuth client ({@code azp}) and the
 * organisation of the caller that created it; a subscription created by one of the suite's own services
 * ({@link EventsConfig#systemClients()}) is a system subscription. The owner and the {@code dpo} see a
 * subscription (list, read, deliveries, redeliver, deactivate); anyone else is told it does not exist (404, not
 * 403, so that its existence is not revealed). A system subscription is deactivated only by its own service,
 * never by the dpo (409). Rows older than ownership have no owner: only the dpo sees them.
 */
@ApplicationScoped
public class SubscriptionOwners {

    /** The owner recorded with a new subscription. */
    record Owner(String client, String org, boolean system) {}

    private final Caller caller;
    private final Set<String> systemClients;

    public SubscriptionOwners(Caller caller, EventsConfig config) {
        this.caller = caller;
        this.systemClients = Set.copyOf(config.systemClients());
    }

    /** The caller as an owner: its client id (the user name for a token without one) and organisation. */
    Owner current() {
        String client = caller.clientId().orElseGet(caller::name);
        boolean system = caller.clientId().map(systemClients::contains).orElse(false);
        return new Owner(client, caller.org().orElse(null), system);
    }

    /**
     * The SQL condition on {@code webhook_subscription} (unaliased) that keeps what the caller may see; bind its
     * parameters with {@link #bindVisible}.
     */
    String visible() {
        return seesEvery() ? "TRUE" : "owner_client = ? AND owner_org IS NOT DISTINCT FROM ?";
    }

    /** Binds the parameters of {@link #visible()} from position {@code p}; returns the next position. */
    int bindVisible(PreparedStatement statement, int p) throws SQLException {
        if (seesEvery()) {
            return p;
        }
        Owner owner = current();
        statement.setString(p, owner.client());
        statement.setString(p + 1, owner.org());
        return p + 2;
    }

    /** Refuses (409) to let anyone but the owning service deactivate a system subscription. */
    void checkMayDeactivate(UUID id, String ownerClient, String ownerOrg, boolean system) {
        Owner me = current();
        if (system && !(me.client().equals(ownerClient) && Objects.equals(me.org(), ownerOrg))) {
            throw ProblemException.conflict(
                            "system-subscription",
                            "Subscription " + id + " belongs to the service " + ownerClient
                                    + ", which keeps it for itself; only that service can deactivate it")
                    .with("ownerClient", ownerClient);
        }
    }

    private boolean seesEvery() {
        return caller.hasRole(Roles.DPO);
    }
}
