package org.proposals.proposal.service;

import org.proposals.kit.tabular.ImportColumn;

/**
 * The columns of a proposal import file, as the committee's office exports them: each column is found by
 * its Chinese heading or its English name. Only the required ones must be present; the order is free.
 */
public enum ImportColumns implements ImportColumn {
    NUMBER("提案号", "number", false),
    TITLE("标题", "title", true),
    CONTENT("内容", "content", true),
    PROPOSER_ID("提案人编号", "proposerId", true),
    PROPOSER("提案人", "proposer", true),
    PROPOSER_TYPE("提案人类型", "proposerType", false),
    GROUP_KIND("集体类型", "groupKind", false),
    SECTOR("界别", "sector", false),
    CONTACT("联系方式", "contact", false),
    CO_PROPOSERS("附议人", "coProposers", false),
    TOPICS("主题", "topics", false),
    KEYWORDS("关键词", "keywords", false),
    SUBMITTED_ON("提交日期", "submittedOn", false);

    private final Spec spec;

    ImportColumns(String heading, String englishName, boolean required) {
        this.spec = new Spec(heading, englishName, required);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
