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
import java.util.stream.Collectors;

/**
 * An unknown enum value in a query parameter is bad input (400 naming the parameter and the allowed
 * values), not the 404 that JAX-RS would answer by default.
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = parameterName(annotations);
        Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(enumType, value.strip());
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(enumType.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
                    String message = "must be one of " + allowed;
                    Problem problem = new Problem(ApiProblem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                            name + ": " + message, null, List.of(new Problem.FieldError(name, message)));
                    throw new BadRequestException(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }
}
