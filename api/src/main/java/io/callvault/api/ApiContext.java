package io.callvault.api;

import io.callvault.api.announcements.PromptLibrary;
import io.callvault.api.calls.CallControl;
import io.callvault.api.policy.CallSetup;
import io.callvault.policy.Policy;
import io.callvault.vault.Vault;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.UserStore;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.retention.RetentionStore;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the API's handlers use, wired once by the server. Every component is thread-safe; the API
 * keeps no state of its own besides what these hold.
 *
 * @param retentionAssignments read-only use: a recording's current retention assignment for its details
 * @param policy               the recording policy the server decides calls with (built-in rules and override)
 * @param callSetup            the call context a live call between two parties gets, for policy/explain
 * @param decisions            read-only use: the decision a recording was made under, for its details
 * @param prompts              the recording announcements the server plays, which operators list, upload and remove
 * @param calls                the live calls, whose recording agents and supervisors pause and resume
 * @param redactedConfig       the effective configuration with secrets already replaced; called per request
 */
public record ApiContext(Vault vault, UserStore users, CredentialStore credentials, AuditTrail audit,
                         LegalHolds holds, Retention retention, RetentionStore retentionAssignments,
                         DataSubjectRequests dsars, Policy policy, CallSetup callSetup, DecisionStore decisions,
                         PromptLibrary prompts, CallControl calls, Supplier<Map<String, String>> redactedConfig,
                         InstantSource clock, ApiSettings settings) {
    public ApiContext {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(holds, "holds");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(retentionAssignments, "retentionAssignments");
        Objects.requireNonNull(dsars, "dsars");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(callSetup, "callSetup");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(redactedConfig, "redactedConfig");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }
}
