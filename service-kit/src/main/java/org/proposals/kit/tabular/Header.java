package org.proposals.kit.tabular;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a file's header row and where each is, shared by its rows. */
final class Header {

    private final List<String> names;
    private final Map<String, Integer> indexes = new HashMap<>();

    /**
     * @throws UnreadableFileException when two columns have the same name, since then a value read by name
     *                                 could come from either
     */
    Header(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = indexes.putIfAbsent(name, i);
            if (earlier != null) {
                throw new UnreadableFileException("columns " + TabularFile.columnLetter(earlier) + " and "
                        + TabularFile.columnLetter(i) + " of the header have the same name (" + name + ")");
            }
        }
    }

    List<String> names() {
        return names;
    }

    /** The index of the named column, or -1. */
    int indexOf(String name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    int index(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the header has no column " + name + "; it has " + names);
        }
        return index;
    }

    /** The name of the column at {@code index}, empty when the header has none there. */
    String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : "";
    }
}
