package org.proposals.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of the command-line entry points; a repeated option keeps every value. */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    static Args parse(String[] argv, String usage) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String name = argv[i];
            if (name.equals("--help") || name.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!name.startsWith("--") || i + 1 >= argv.length) {
                throw usageError(usage, "unexpected argument: " + name);
            }
            args.values.computeIfAbsent(name.substring(2), k -> new ArrayList<>()).add(argv[++i]);
        }
        return args;
    }

    private static IllegalArgumentException usageError(String usage, String message) {
        return new IllegalArgumentException(message + System.lineSeparator() + usage);
    }

    String get(String name, String defaultValue) {
        List<String> list = values.get(name);
        return list == null ? defaultValue : list.get(list.size() - 1);
    }

    String required(String name, String usage) {
        String value = get(name, null);
        if (value == null) {
            throw usageError(usage, "missing --" + name);
        }
        return value;
    }

    int getInt(String name, int defaultValue) {
        String value = get(name, null);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
