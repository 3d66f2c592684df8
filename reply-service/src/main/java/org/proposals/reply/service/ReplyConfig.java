package org.proposals.reply.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of the reply review; every one can be set by environment variable (REPLY_QUALITY_MIN_LENGTH ...). */
@ConfigMapping(prefix = "reply")
public interface ReplyConfig {

    Quality quality();

    interface Quality {
        /** A reply with fewer characters than this, after trimming, is too short to pass review (切忌篇幅过短). */
        @WithDefault("30")
        int minLength();
    }
}
