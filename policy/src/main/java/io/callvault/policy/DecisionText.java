package io.callvault.policy;

import io.callvault.policy.jurisdiction.ResolvedParty;
import io.callvault.policy.rules.LawfulBasis;
import io.callvault.policy.rules.LineFlag;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link Decision} as text for people. */
final class DecisionText {
    private DecisionText() {
    }

    static String render(Decision d) {
        DecisionInputs in = d.inputs();
        StringBuilder sb = new StringBuilder();
        sb.append("decision:    ").append(d.record() ? "RECORD" : "DO NOT RECORD").append('\n');
        sb.append("announce:    ").append(d.announce() ? "to " + d.announceTo().name().toLowerCase(Locale.ROOT)
                + ", in " + d.announcementLanguage() : "no").append('\n');
        sb.append("consent:     ").append(d.consent()).append('\n');
        sb.append("frameworks:  ").append(d.frameworks().isEmpty() ? "none"
                : d.frameworks().stream().map(Enum::name).collect(Collectors.joining(", "))).append('\n');
        sb.append("purpose:     ").append(in.purpose()).append(", lawful basis ")
                .append(d.lawfulBasis() == LawfulBasis.NOT_APPLICABLE ? "not applicable"
                        : d.lawfulBasis().id() + " (GDPR " + d.lawfulBasis().article() + ")").append('\n');
        sb.append("retention:   ").append(d.retention().retentionClass()).append(" (")
                .append(d.retention().days()).append(" days)").append('\n');
        sb.append("flags:       phi=").append(yesNo(d.flags().phi())).append(" pci_pause=")
                .append(yesNo(d.flags().pciPause()));
        if (d.flags().phi()) {
            sb.append(", PHI access: ").append(String.join(", ", d.phiRoles()));
        }
        sb.append('\n');
        party(sb, "caller:      ", in.caller());
        party(sb, "callee:      ", in.callee());
        sb.append("call:        ").append(in.direction().label()).append(", line flags ")
                .append(in.lineFlags().isEmpty() ? "none"
                        : in.lineFlags().stream().map(LineFlag::id).collect(Collectors.joining(" ")))
                .append(", recordpref ").append(in.recordPreference().sdpToken())
                .append(", blob store ").append(in.externalBlobStore() ? "external" : "local")
                .append(in.externalBlobStore() ? (in.baaRecorded() ? " (BAA recorded)" : " (no BAA)") : "").append('\n');
        sb.append("rules:       version ").append(d.rulesVersion()).append(", sha256 ").append(d.rulesSha256()).append('\n');
        sb.append("reasons:\n");
        int n = 1;
        for (Reason r : d.reasons()) {
            sb.append("  ").append(n++).append(". ").append(r.text()).append(" [").append(r.rule()).append(", ")
                    .append(r.origin()).append("]\n");
        }
        if (!d.warnings().isEmpty()) {
            sb.append("warnings:\n");
            for (String w : d.warnings()) {
                sb.append("  ! ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static void party(StringBuilder sb, String label, ResolvedParty p) {
        sb.append(label).append(p.number()).append(" -> ").append(p.location()).append(" by ")
                .append(p.how().name().toLowerCase(Locale.ROOT)).append(" (").append(p.detail()).append(")\n");
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
