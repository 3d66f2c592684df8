package org.proposals.reply.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** Rules of co-handling opinions; each can be set by environment variable (REPLY_OPINIONS_DUE_WITHIN ...). */
@ConfigMapping(prefix = "reply.opinions")
public interface OpinionConfig {

    /** How long a co-handling unit has for its opinion, from the day its case opened, as an ISO period (P1M; P2M in some cities). */
    @WithDefault("P1M")
    Period dueWithin();
}
