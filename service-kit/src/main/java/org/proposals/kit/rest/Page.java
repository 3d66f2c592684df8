package org.proposals.kit.rest;

import java.util.List;
import java.util.function.Function;

/** The one shape of every list the platform returns: a page of items and the total across all pages. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
