package org.proposals.kit.tabular;

import org.proposals.kit.rest.ApiProblem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A column of an import file, found by its Chinese heading (as offices write them) or its English name, in
 * any order. Importers list their columns as an enum implementing this.
 */
public interface ImportColumn {

    /**
     * @param heading     the heading offices use, e.g. 标题
     * @param englishName the English name accepted instead, e.g. title (any case)
     */
    record Spec(String heading, String englishName, boolean required) {
    }

    Spec spec();

    default String heading() {
        return spec().heading();
    }

    default String englishName() {
        return spec().englishName();
    }

    default boolean required() {
        return spec().required();
    }

    /**
     * The heading each column has in the file; 400 naming {@code file} when a required column is missing.
     */
    static <E extends Enum<E> & ImportColumn> Map<E, String> headingsIn(TabularFile table, Class<E> columns) {
        Map<E, String> found = new EnumMap<>(columns);
        List<String> missing = new ArrayList<>();
        for (E column : columns.getEnumConstants()) {
            table.header().stream()
                    .filter(h -> h.equals(column.heading()) || h.equalsIgnoreCase(column.englishName()))
                    .findFirst()
                    .ifPresentOrElse(h -> found.put(column, h), () -> {
                        if (column.required()) {
                            missing.add(column.heading() + " (" + column.englishName() + ")");
                        }
                    });
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid("file", "the file has no column " + String.join(", ", missing)
                    + "; its header row reads " + table.header());
        }
        return found;
    }
}
