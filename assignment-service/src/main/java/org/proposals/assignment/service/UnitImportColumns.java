package org.proposals.assignment.service;

import org.proposals.kit.tabular.ImportColumn;

/**
 * The columns of a units-and-people file: one row per person, with the unit and division they work in.
 * Each column is found by its Chinese heading or its English name; the order is free and only the required
 * ones must be present.
 */
public enum UnitImportColumns implements ImportColumn {
    PERSON_ID("人员编号", "personId", true),
    NAME("姓名", "name", true),
    POSITION("职务", "position", true),
    UNIT_ID("单位编号", "unitId", true),
    UNIT_NAME("单位名称", "unitName", true),
    UNIT_SHORT_NAME("单位简称", "unitShortName", false),
    DIVISION_ID("处室编号", "divisionId", false),
    DIVISION_NAME("处室名称", "divisionName", false),
    PHONE("联系电话", "phone", false),
    STATUS("状态", "status", false);

    private final Spec spec;

    UnitImportColumns(String heading, String englishName, boolean required) {
        this.spec = new Spec(heading, englishName, required);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
