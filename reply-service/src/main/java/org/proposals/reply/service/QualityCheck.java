package org.proposals.reply.service;

/**
 * The outcome of one quality rule for one version of a reply.
 *
 * @param enabled     false when the rule is switched off by configuration (it then passes)
 * @param explanation what the rule asks, and what is missing when it fails
 */
public record QualityCheck(QualityRule rule, boolean enabled, boolean passed, String explanation) {

    static QualityCheck of(QualityRule rule, boolean enabled, boolean passed, String explanation) {
        return new QualityCheck(rule, enabled, !enabled || passed, enabled ? explanation : "switched off by configuration");
    }
}
