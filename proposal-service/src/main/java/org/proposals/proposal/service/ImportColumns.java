package org.proposals.proposal.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a proposal import file, as the committee's office exports them: each column is found by
 * its Chinese heading or its English name. Only the required ones must be present; the order is free.
 */
public enum ImportColumns {
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

    public final String heading;
    public final String name;
    public final boolean required;

    ImportColumns(String heading, String name, boolean required) {
        this.heading = heading;
        this.name = name;
        this.required = required;
    }

    /** The heading a file uses for this column, if it has it under either name. */
    Optional<String> in(List<String> header) {
        return header.stream().filter(h -> h.equals(heading) || h.equalsIgnoreCase(name)).findFirst();
    }

    static List<ImportColumns> required() {
        return Arrays.stream(values()).filter(c -> c.required).toList();
    }
}
