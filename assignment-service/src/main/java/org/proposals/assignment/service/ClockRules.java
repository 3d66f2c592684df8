package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.proposals.assignment.Assignment;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.kit.time.WorkingCalendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time limits each assignment runs, per kind of proposal and per source (plenary or recess). A limit is
 * looked up from the most specific setting to the default:
 * {@code assignment.clocks.<kind>.<source>.<clock>}, then {@code assignment.clocks.<kind>.<clock>}, then
 * {@code assignment.clocks.<clock>}, then the common value of the regulations (see {@link Clock}); e.g.
 * {@code assignment.clocks.proposal.plenary.formal-reply=5M} gives CPPCC plenary proposals five months.
 */
@ApplicationScoped
public class ClockRules {

    /** The clocks of an assignment, with the common default of the regulations. */
    public enum Clock {
        ADJUSTMENT_WINDOW("adjustment-window", "5WD"),
        SIGN_FOR("sign-for", "5WD"),
        ADJUSTMENT_DECISION("adjustment-decision", "7D"),
        CO_HANDLING_OPINION("co-handling-opinion", "1M"),
        FIRST_CONTACT("first-contact", "15WD"),
        FORMAL_REPLY("formal-reply", "3M"),
        REHANDLING_REPLY("rehandling-reply", "1M"),
        /** The most an extended reply deadline may lie beyond the original one. */
        EXTENSION_CAP("extension-cap", "6M");

        public final String key;
        final String defaultLimit;

        Clock(String key, String defaultLimit) {
            this.key = key;
            this.defaultLimit = defaultLimit;
        }
    }

    @Inject
    Config config;

    @Inject
    WorkingCalendar calendar;

    /** Limits as read from the configuration, which does not change while the service runs. */
    private final Map<String, TimeLimit> limits = new ConcurrentHashMap<>();

    public TimeLimit limit(Clock clock, ProposalKind kind, ProposalSource source) {
        return limits.computeIfAbsent(clock + "/" + kind + "/" + source, key -> read(clock, kind, source));
    }

    private TimeLimit read(Clock clock, ProposalKind kind, ProposalSource source) {
        String k = kind.name().toLowerCase(Locale.ROOT);
        String s = source.name().toLowerCase(Locale.ROOT);
        String setting = value("assignment.clocks." + k + "." + s + "." + clock.key)
                .or(() -> value("assignment.clocks." + k + "." + clock.key))
                .or(() -> value("assignment.clocks." + clock.key))
                .orElse(clock.defaultLimit);
        try {
            return TimeLimit.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("assignment.clocks setting for " + clock.key + ": " + e.getMessage(), e);
        }
    }

    public LocalDate due(Clock clock, ProposalKind kind, ProposalSource source, LocalDate start) {
        return limit(clock, kind, source).dueFrom(start, calendar);
    }

    /**
     * Starts the clocks of an assignment given on {@code from}: the adjustment window and sign-for for every
     * unit; first contact and the formal reply for units that reply to the proposer; the opinion to the lead
     * unit for co-handling units.
     */
    public void start(Assignment a, ProposalKind kind, ProposalSource source, LocalDate from) {
        boolean replies = a.handlingType.repliesToProposer();
        a.adjustmentDue = due(Clock.ADJUSTMENT_WINDOW, kind, source, from);
        a.signForDue = due(Clock.SIGN_FOR, kind, source, from);
        a.firstContactDue = replies ? due(Clock.FIRST_CONTACT, kind, source, from) : null;
        a.replyDue = due(replies ? Clock.FORMAL_REPLY : Clock.CO_HANDLING_OPINION, kind, source, from);
        a.originalReplyDue = a.replyDue;
    }

    /** The latest reply deadline extensions may reach: the original one plus the cap. */
    public LocalDate extensionLimit(Assignment a, ProposalKind kind, ProposalSource source) {
        TimeLimit cap = limit(Clock.EXTENSION_CAP, kind, source);
        return cap.dueFrom(a.originalReplyDue, calendar);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Reads every clock of every kind and source once, so that a mistyped setting stops the service at start. */
    void checkAll() {
        for (Clock clock : Clock.values()) {
            for (ProposalKind kind : ProposalKind.values()) {
                for (ProposalSource source : ProposalSource.values()) {
                    limit(clock, kind, source);
                }
            }
        }
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        checkAll();
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class);
    }
}
