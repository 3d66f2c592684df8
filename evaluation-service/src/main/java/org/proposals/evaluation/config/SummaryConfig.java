package org.proposals.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/** How the annual summary reads the figures; each setting can be overridden by environment variable. */
@ConfigMapping(prefix = "evaluation.summary")
public interface SummaryConfig {

    /** Result categories counted as adopted (采纳): solved, being solved and to be solved when conditions allow. */
    @WithDefault("A,B,C")
    List<String> adoptedCategories();

    /** How many topics the summary names as the main ones. */
    @WithDefault("5")
    int mainTopics();

    /** How many typical cases (those that led to the most measures) the summary presents. */
    @WithDefault("3")
    int typicalCases();

    /**
     * The names of the topics the proposals carry by code, as the proposal committee's taxonomy names them
     * (EVALUATION_SUMMARY_TOPIC_NAMES__SME_ and the like override one); a code without a name is shown as it is.
     */
    Map<String, String> topicNames();
}
