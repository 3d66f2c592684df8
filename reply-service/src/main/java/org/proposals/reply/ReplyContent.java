package org.proposals.reply;

import org.proposals.events.ResultCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one version of a reply says: its result category, text, the points of the proposal it answers, the
 * measures taken and promised, and the co-handling opinions it reflects.
 */
public record ReplyContent(
        ResultCategory resultCategory,
        String text,
        List<String> answers,
        List<MeasureTaken> measuresTaken,
        List<PromisedMeasure> measuresPromised,
        List<UUID> reflectedOpinions) {

    public ReplyContent {
        answers = answers == null ? List.of() : List.copyOf(answers);
        measuresTaken = measuresTaken == null ? List.of() : List.copyOf(measuresTaken);
        measuresPromised = measuresPromised == null ? List.of() : List.copyOf(measuresPromised);
        reflectedOpinions = reflectedOpinions == null ? List.of() : List.copyOf(reflectedOpinions);
    }

    /** A measure already taken, e.g. a policy issued or a platform built. */
    public record MeasureTaken(String description) {
    }

    /** A measure the unit promises, by a date: a commitment once the reply is formal. */
    public record PromisedMeasure(String description, LocalDate dueDate) {
    }
}
