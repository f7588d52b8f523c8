package org.grantflow.notifications.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        query.page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(view).toList(), page, size, query.count());
    }
}
