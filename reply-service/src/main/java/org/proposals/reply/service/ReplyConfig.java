package org.proposals.reply.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Rules of the reply and its review; every one can be set by environment variable (REPLY_QUALITY_MIN_LENGTH,
 * REPLY_QUALITY_RULES_CONTACT=false, REPLY_CONSULTATION_ANSWER_WITHIN ...), since local rules differ.
 */
@ConfigMapping(prefix = "reply")
public interface ReplyConfig {

    Quality quality();

    Consultation consultation();

    interface Quality {
        /** A reply with fewer characters than this, after trimming, is too short to pass review (切忌篇幅过短). */
        @WithDefault("200")
        int minLength();

        /** Characters that must remain once courtesies, set phrases and punctuation are taken out (杜绝内容空洞). */
        @WithDefault("100")
        int minSubstance();

        /** Set phrases that say nothing of what was done; they do not count towards substance. */
        @WithDefault("感谢您对我局工作的关心和支持,感谢您对我们工作的关心和支持,感谢您的关心和支持,衷心感谢,"
                + "您提出的关于,收悉,经认真研究,经研究,现答复如下,现将有关情况答复如下,特此答复,此复,"
                + "我局高度重视,高度重视,认真研究,欢迎继续提出宝贵意见,欢迎您继续关心和支持,再次感谢")
        List<String> boilerplate();

        Rules rules();
    }

    /** Each quality rule can be switched off where local rules do not ask for it. */
    interface Rules {
        @WithDefault("true")
        boolean minLength();

        @WithDefault("true")
        boolean substance();

        /** The category is stated and matches the measures: A needs measures taken, B and C dated promises. */
        @WithDefault("true")
        boolean category();

        /** The reply names the points of the proposal it answers. */
        @WithDefault("true")
        boolean pointsAnswered();

        /** A lead unit's reply reflects every co-handling opinion submitted to it. */
        @WithDefault("true")
        boolean opinionsReflected();

        /** At least one contact with the proposer is logged and not disputed; face to face for a key proposal. */
        @WithDefault("true")
        boolean contact();
    }

    interface Consultation {
        /**
         * Working days the proposer has to answer a consultation; after them the unit may make the reply formal
         * without an answer (the silence is on record).
         */
        @WithDefault("5")
        int answerWithin();
    }
}
