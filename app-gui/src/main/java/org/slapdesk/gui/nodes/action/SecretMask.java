package org.slapdesk.gui.nodes.action;

import java.util.List;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;

/** Masks a plan's secrets (tokens) in output lines, as the plan's preview masks them. */
public record SecretMask(List<String> secrets) {

    public SecretMask {
        secrets = List.copyOf(secrets);
    }

    public static SecretMask of(Plan plan) {
        return new SecretMask(plan.steps().stream()
                .filter(s -> s instanceof Step.CommandStep)
                .flatMap(s -> ((Step.CommandStep) s).secrets().stream())
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "********");
        }
        return masked;
    }
}
