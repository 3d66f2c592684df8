package org.proposals.evaluation;

/** The criteria of a unit's points sheet (绩效评价), in the sheet's order. */
public enum PointsCriterion {
    /** 按时签收: every assignment signed for within its time. */
    SIGN_FOR_ON_TIME,
    /** 按时提交会办意见: a co-handling unit's opinion reached the lead unit on time. */
    OPINIONS_ON_TIME,
    /** 沟通率: the proposer was contacted (a contact the proposer did not dispute). */
    CONTACT_RATE,
    /** 面商率: the proposer was consulted face to face. */
    FACE_TO_FACE_RATE,
    /** 按时答复: the formal reply, and the reply after re-handling, by the (extended) deadline. */
    REPLIES_ON_TIME,
    /** 初次满意率: satisfied or basically satisfied with the first round's reply. */
    FIRST_ROUND_SATISFACTION,
    /** 再次办理后满意: satisfied or basically satisfied with the reply after re-handling. */
    REHANDLING_SATISFACTION,
    /** 承诺事项落实: the measures promised in B and C replies done by the date promised. */
    COMMITMENTS_KEPT
}
