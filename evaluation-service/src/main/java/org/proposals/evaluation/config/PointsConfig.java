package org.proposals.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.proposals.evaluation.PointsCriterion;

import java.math.BigDecimal;

/**
 * The unit performance points sheet (绩效评价): per criterion the points it is worth and how they are lost. The
 * defaults are in application.properties (they sum to 100); each key can be overridden by an environment variable,
 * e.g. {@code EVALUATION_POINTS_FACE_TO_FACE_RATE_MAX=10}.
 */
@ConfigMapping(prefix = "evaluation.points")
public interface PointsConfig {

    /** On-time sign-for of every assignment. */
    Criterion signForOnTime();

    /** Co-handling opinions (会办意见) given to the lead unit on time. */
    Criterion opinionsOnTime();

    /** Share of the handlings owing a reply whose proposer was contacted (a contact the proposer did not dispute). */
    Criterion contactRate();

    /** Share of the handlings owing a reply with a face-to-face consultation (面商率). */
    Criterion faceToFaceRate();

    /** Formal replies, and replies after re-handling, given by their (extended) deadline. */
    Criterion repliesOnTime();

    /** The proposers' satisfaction with the first round's reply. */
    Criterion firstRoundSatisfaction();

    /** The proposers' satisfaction with the reply after re-handling. */
    Criterion rehandlingSatisfaction();

    /** The measures B and C replies promised, done by the date promised. */
    Criterion commitmentsKept();

    default Criterion of(PointsCriterion criterion) {
        return switch (criterion) {
            case SIGN_FOR_ON_TIME -> signForOnTime();
            case OPINIONS_ON_TIME -> opinionsOnTime();
            case CONTACT_RATE -> contactRate();
            case FACE_TO_FACE_RATE -> faceToFaceRate();
            case REPLIES_ON_TIME -> repliesOnTime();
            case FIRST_ROUND_SATISFACTION -> firstRoundSatisfaction();
            case REHANDLING_SATISFACTION -> rehandlingSatisfaction();
            case COMMITMENTS_KEPT -> commitmentsKept();
        };
    }

    interface Criterion {

        /** The points the criterion is worth; a criterion never goes below 0. */
        BigDecimal max();

        /** How points are lost: per item that missed ({@code PER_ITEM}) or per percentage point short of 100 % ({@code RATE}). */
        Rule rule();

        /** PER_ITEM: points lost per item that missed (a late sign-for, an unsatisfied rating ...). */
        @WithDefault("1")
        BigDecimal pointsPerItem();

        /** RATE: points lost per percentage point short of 100 %; 97.73 % at 1 point loses 2.27. */
        @WithDefault("1")
        BigDecimal pointsPerPercentagePoint();
    }

    enum Rule {
        /** Each item that missed costs {@code points-per-item}. */
        PER_ITEM,
        /** 100 % is full points; each percentage point short costs {@code points-per-percentage-point}. */
        RATE
    }
}
