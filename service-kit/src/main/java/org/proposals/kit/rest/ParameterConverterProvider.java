package org.proposals.kit.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An unreadable query parameter (an unknown enum value, a malformed UUID) is bad input: 400 naming the
 * parameter and what it must be, not the 404 that JAX-RS answers by default. A malformed id in the path
 * stays a 404: no record can have it.
 */
@Provider
public class ParameterConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String query = queryParameterName(annotations);
        if (query == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return converter(query, "must be one of " + allowed, value -> (T) Enum.valueOf(enumType, value));
        }
        if (rawType == UUID.class) {
            return converter(query, "must be a UUID", value -> (T) UUID.fromString(value));
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            // JAX-RS reads anything but "true" as false; a flag that says something else is a mistake to report
            ParamConverter<T> strict = converter(query, "must be true or false", value -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(value);
                }
                return (T) Boolean.valueOf(value);
            });
            return rawType == Boolean.class ? strict : new ParamConverter<>() {
                @Override
                public T fromString(String value) {
                    T flag = strict.fromString(value);
                    return flag == null ? (T) Boolean.FALSE : flag;
                }

                @Override
                public String toString(T value) {
                    return String.valueOf(value);
                }
            };
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String requirement, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    Problem problem = new Problem(ApiProblem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                            name + ": " + requirement, null, List.of(new Problem.FieldError(name, requirement)));
                    throw new BadRequestException(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String queryParameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam) {
                return null;
            }
        }
        return null;
    }
}
