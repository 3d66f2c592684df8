package org.proposals.reply;

/** How a unit was in contact with the proposer (走访调研、座谈交流、电话沟通、面商、进展通报、政策解读). */
public enum ContactChannel {
    VISIT(true),
    SYMPOSIUM(true),
    PHONE(false),
    FACE_TO_FACE(true),
    PROGRESS_NOTICE(false),
    POLICY_EXPLANATION(false);

    private final boolean faceToFaceByDefault;

    ContactChannel(boolean faceToFaceByDefault) {
        this.faceToFaceByDefault = faceToFaceByDefault;
    }

    /** Whether a contact by this channel counts as a face-to-face consultation (面商) unless the unit says otherwise. */
    public boolean faceToFaceByDefault() {
        return faceToFaceByDefault;
    }
}
