package org.proposals.infra;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one series out of a Prometheus text exposition, as a service's {@code /q/metrics} answers it
 * (a counter's line may end in an exemplar, {@code # {trace_id="..."} 1.0 ...}, which is skipped).
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the series {@code name} whose labels include every {@code label="value"} pair given
     * (as {@code "status", "SUBMITTED"}); empty when no such series is exposed.
     */
    public static OptionalDouble value(String exposition, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)( # .*)?$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        while (m.find()) {
            String found = m.group(2) == null ? "" : m.group(2);
            boolean all = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!found.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return OptionalDouble.of(Double.parseDouble(m.group(3)));
            }
        }
        return OptionalDouble.empty();
    }
}
