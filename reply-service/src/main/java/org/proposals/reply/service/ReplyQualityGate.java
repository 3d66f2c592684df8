package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.ContactRecord;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.ReplyContent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The quality rules a reply must pass before it goes up the review chain. Each rule can be switched off
 * (reply.quality.rules.*) and each failure says what is missing, so that the handler can put it right.
 */
@ApplicationScoped
public class ReplyQualityGate {

    @Inject
    ReplyConfig config;

    @Inject
    OpinionService opinions;

    @Inject
    ContactService contacts;

    @Inject
    CityClock clock;

    public List<QualityCheck> check(HandlingCase handlingCase, ReplyContent content) {
        ReplyConfig.Quality quality = config.quality();
        ReplyConfig.Rules rules = quality.rules();
        List<ExpectedOpinion> expected = handlingCase.handlingType == HandlingType.LEAD ? opinions.expectedFor(handlingCase) : List.of();
        String text = content.text() == null ? "" : content.text().strip();
        List<QualityCheck> checks = new ArrayList<>();
        checks.add(opinionsComplete(expected));
        int length = text.codePointCount(0, text.length());
        checks.add(QualityCheck.of(QualityRule.MIN_LENGTH, rules.minLength(), length >= quality.minLength(),
                "at least " + quality.minLength() + " characters (this version has " + length + "): a reply that is too short is sent back"));
        int substance = substance(text, quality.boilerplate());
        checks.add(QualityCheck.of(QualityRule.SUBSTANCE, rules.substance(), substance >= quality.minSubstance(),
                "at least " + quality.minSubstance() + " characters of substance once courtesies and set phrases are taken out"
                        + " (this version has " + substance + "): say what was done, not only that it was studied"));
        checks.add(category(rules.category(), content));
        checks.add(QualityCheck.of(QualityRule.POINTS_ANSWERED, rules.pointsAnswered(), !content.answers().isEmpty(),
                handlingCase.handlingType == HandlingType.SPLIT
                        ? "name the points of the proposal this unit answers: a split unit replies for its own part"
                        : "name the points of the proposal the reply answers"));
        checks.add(opinionsReflected(rules.opinionsReflected(), expected, content));
        checks.add(contact(rules.contact(), handlingCase));
        return checks;
    }

    /** The checks that failed, as the 422 answer to a submission. */
    public static ApiProblem rejected(List<QualityCheck> failed) {
        List<Problem.FieldError> errors = failed.stream().map(c -> new Problem.FieldError(c.rule().name(), c.explanation())).toList();
        return new ApiProblem(422, ApiProblem.TYPE_BASE + "reply-quality", "The reply does not pass the quality rules",
                failed.size() + " quality rule(s) failed: " + failed.stream().map(c -> c.rule().name()).collect(Collectors.joining(", "))
                        + "; errors[] says what each one asks for", errors);
    }

    private static QualityCheck opinionsComplete(List<ExpectedOpinion> expected) {
        List<String> pending = expected.stream().filter(o -> o.state() == OpinionState.PENDING)
                .map(o -> o.unitName() != null ? o.unitName() : o.unitId()).toList();
        return QualityCheck.of(QualityRule.OPINIONS_COMPLETE, true, pending.isEmpty(), pending.isEmpty()
                ? "every co-handling opinion is in or waived"
                : "waiting for the co-handling opinion of " + String.join(", ", pending)
                        + ": it must be in, or waived with a reason by the division head, before review");
    }

    private QualityCheck category(boolean enabled, ReplyContent content) {
        ResultCategory category = content.resultCategory();
        if (category == null) {
            return QualityCheck.of(QualityRule.CATEGORY, enabled, false, "state the result category (A, B, C or D)");
        }
        LocalDate today = clock.today();
        return switch (category) {
            case A -> QualityCheck.of(QualityRule.CATEGORY, enabled, !content.measuresTaken().isEmpty(),
                    "an A reply (solved or adopted) lists the measures taken");
            case B, C -> {
                boolean dated = !content.measuresPromised().isEmpty() && content.measuresPromised().stream()
                        .allMatch(m -> m.dueDate() != null && m.dueDate().isAfter(today));
                yield QualityCheck.of(QualityRule.CATEGORY, enabled, dated, "a " + category
                        + " reply (being solved, or to be solved when conditions allow) lists the measures it promises,"
                        + " each with a due date after today");
            }
            case D -> QualityCheck.of(QualityRule.CATEGORY, enabled, true, "a D reply is kept for reference");
        };
    }

    private static QualityCheck opinionsReflected(boolean enabled, List<ExpectedOpinion> expected, ReplyContent content) {
        Set<UUID> reflected = Set.copyOf(content.reflectedOpinions());
        List<String> missing = expected.stream()
                .filter(o -> o.state() == OpinionState.SUBMITTED && !reflected.contains(o.opinionId()))
                .map(o -> o.unitName() != null ? o.unitName() : o.unitId()).toList();
        return QualityCheck.of(QualityRule.OPINIONS_REFLECTED, enabled, missing.isEmpty(), missing.isEmpty()
                ? "the lead unit's reply reflects every co-handling opinion it received"
                : "reflect the co-handling opinion of " + String.join(", ", missing)
                        + " and list it in reflectedOpinions: the lead unit states co-handlers' opinions in its reply");
    }

    private QualityCheck contact(boolean enabled, HandlingCase handlingCase) {
        List<ContactRecord> logged = contacts.contactsOf(handlingCase.id).stream().filter(c -> !c.disputed()).toList();
        if (handlingCase.keyProposal) {
            return QualityCheck.of(QualityRule.CONTACT, enabled, logged.stream().anyMatch(c -> c.faceToFace),
                    "a key proposal needs a face-to-face consultation (面商) with the proposer, logged and not disputed");
        }
        return QualityCheck.of(QualityRule.CONTACT, enabled, !logged.isEmpty(),
                "log at least one contact with the proposer (visit, symposium, call ...) that they have not disputed");
    }

    /** Characters left once set phrases, whitespace and punctuation are taken out. */
    static int substance(String text, List<String> boilerplate) {
        String rest = text;
        // longest first, so that a phrase inside a longer one does not leave the rest of it behind
        for (String phrase : boilerplate.stream().map(String::strip).filter(p -> !p.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            rest = rest.replace(phrase, "");
        }
        return (int) rest.codePoints().filter(cp -> Character.isLetterOrDigit(cp)).count();
    }
}
