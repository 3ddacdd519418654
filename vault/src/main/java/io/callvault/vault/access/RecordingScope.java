package io.callvault.vault.access;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which recordings, and which live calls, an actor may see at all. Everyone: compliance, auditor, the
 * command line. Otherwise the union of: a supervisor's teams' agents, and the actor's own calls (by username
 * and extension). A recording or call belongs to an agent when the agent, caller or callee field names one
 * of the agent's names (see {@link RecordingQuery#agents()}).
 *
 * @param agents null for every recording; otherwise the usernames and extensions in scope
 */
public record RecordingScope(Set<String> agents) {
    public RecordingScope {
        agents = agents == null ? null : Set.copyOf(agents);
    }

    public static RecordingScope of(Actor actor, UserStore users) throws CatalogException {
        if (actor.roles().contains(Role.COMPLIANCE) || actor.roles().contains(Role.AUDITOR)) {
            return new RecordingScope(null);
        }
        Set<String> names = new TreeSet<>();
        names.add(actor.name());
        if (actor.extension() != null) {
            names.add(actor.extension());
        }
        if (actor.roles().contains(Role.SUPERVISOR) && !actor.teams().isEmpty()) {
            for (UserAccount u : users.list()) {
                if (u.teams().stream().anyMatch(actor.teams()::contains)) {
                    names.add(u.username());
                    if (u.extension() != null) {
                        names.add(u.extension());
                    }
                }
            }
        }
        return new RecordingScope(names);
    }

    public boolean everything() {
        return agents == null;
    }

    /** The query, narrowed to this scope. */
    public RecordingQuery narrow(RecordingQuery query) {
        if (agents == null) {
            return query;
        }
        if (query.agents() == null) {
            return query.withAgents(agents);
        }
        Set<String> both = new TreeSet<>(query.agents());
        both.retainAll(agents);
        return query.withAgents(both);
    }

    public boolean covers(RecordingRow row) {
        return covers(row.agent(), row.caller().number().toString(), row.callee().number().toString());
    }

    /**
     * Whether a call with these parties is in scope, by the same rule as a recording: the agent, the caller
     * or the callee is one of the scope's names. Used for live calls, which have no row yet.
     *
     * @param agent  username or extension of the business's side; may be null
     * @param caller the caller's number or extension; may be null
     * @param callee the callee's number or extension; may be null
     */
    public boolean covers(String agent, String caller, String callee) {
        return agents == null || (agent != null && agents.contains(agent))
                || (caller != null && agents.contains(caller)) || (callee != null && agents.contains(callee));
    }
}
