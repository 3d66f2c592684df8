package org.proposals.assignment.service;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a units-and-people file: one row per person, with the unit and division they work in.
 * Each column is found by its Chinese heading or its English name; the order is free and only the required
 * ones must be present.
 */
public enum UnitImportColumns {
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

    public final String heading;
    public final String name;
    public final boolean required;

    UnitImportColumns(String heading, String name, boolean required) {
        this.heading = heading;
        this.name = name;
        this.required = required;
    }

    /** The heading a file uses for this column, if it has it under either name. */
    Optional<String> in(List<String> header) {
        return header.stream().filter(h -> h.equals(heading) || h.equalsIgnoreCase(name)).findFirst();
    }
}
