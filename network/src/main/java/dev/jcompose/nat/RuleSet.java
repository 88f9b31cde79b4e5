package dev.jcompose.nat;

import java.util.List;

/** All of jcompose's rules for the chains it owns, in application order. */
public record RuleSet(Chains chains, List<Rule> rules) {
    public RuleSet {
        rules = List.copyOf(rules);
    }

    /**
     * The iptables-restore text that replaces the content of our chains with these rules. Declaring
     * a chain under {@code --noflush} flushes it, so the batch rebuilds our chains atomically per
     * table and never touches anybody else's rules.
     */
    public String restoreText() {
        StringBuilder sb = new StringBuilder();
        table(sb, "filter", chains.filterChains());
        table(sb, "nat", chains.natChains());
        return sb.toString();
    }

    private void table(StringBuilder sb, String table, List<String> chainNames) {
        sb.append('*').append(table).append('\n');
        for (String c : chainNames) {
            sb.append(':').append(c).append(" - [0:0]\n");
        }
        for (Rule r : rules) {
            if (r.table().equals(table)) {
                sb.append(r.restoreLine("-A")).append('\n');
            }
        }
        sb.append("COMMIT\n");
    }
}
