package org.proposals.reply.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.ResultCategory;
import org.proposals.reply.Disclosure;
import org.proposals.reply.ReplyContent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies the reply endpoints accept. */
public final class ReplyBodies {

    private ReplyBodies() {
    }

    /**
     * A version of the reply. The category may wait until the reply goes to review; the quality rules
     * (GET .../quality) say what review will ask of it.
     */
    public record ReplyRequest(
            ResultCategory resultCategory,
            @NotBlank @Size(max = 20_000) String text,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> answers,
            @Size(max = 100) List<@Valid @NotNull MeasureTakenBody> measuresTaken,
            @Size(max = 100) List<@Valid @NotNull PromisedMeasureBody> measuresPromised,
            @Size(max = 100) List<@NotNull UUID> reflectedOpinions) {

        public ReplyContent content() {
            return new ReplyContent(resultCategory, text.strip(), answers == null ? null : answers.stream().map(String::strip).toList(),
                    measuresTaken == null ? null : measuresTaken.stream().map(m -> new ReplyContent.MeasureTaken(m.description().strip())).toList(),
                    measuresPromised == null ? null : measuresPromised.stream()
                            .map(m -> new ReplyContent.PromisedMeasure(m.description().strip(), m.dueDate())).toList(),
                    reflectedOpinions == null ? null : reflectedOpinions.stream().distinct().toList());
        }
    }

    public record MeasureTakenBody(@NotBlank @Size(max = 2000) String description) {
    }

    public record PromisedMeasureBody(@NotBlank @Size(max = 2000) String description, @NotNull LocalDate dueDate) {
    }

    /** A reviewer's decision: APPROVE or RETURN (with comments); the last level decides disclosure at the latest. */
    public record ReviewRequest(
            @NotNull Decision decision,
            @Size(max = 4000) String comments,
            Disclosure disclosure,
            @Size(max = 4000) String disclosureNote) {

        public enum Decision { APPROVE, RETURN }
    }

    /**
     * The proposer's answer to a consultation; when the handler records an answer given another way, {@code channel}
     * says how (PHONE, VISIT, FACE_TO_FACE, LETTER, EMAIL).
     */
    public record ConsultationAnswerRequest(
            @NotNull Boolean agrees,
            @Size(max = 4000) String comments,
            @Size(max = 20) String channel) {
    }

    /** When and how the formal reply reached the proposer: POST, EMAIL, IN_PERSON or PLATFORM. */
    public record DeliveryRequest(@NotNull LocalDate deliveredOn, @NotBlank @Size(max = 20) String channel) {
    }

    /** A promised measure done, with the register's work measure that did it when there is one. */
    public record FulfilmentRequest(UUID measureId, @Size(max = 4000) String note) {
    }

    /** A later reply deadline and the reason the unit cannot meet the current one. */
    public record ExtensionRequestBody(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate requestedDue) {
    }
}
