package io.vigil.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import io.vigil.i18n.Reason;

/**
 * Turns what a parser or a converter throws into an {@link InputProblem}: the line and field from the exception's
 * location and path, what was expected from the type it was reading into, and what was given from the value or the
 * token it met. It decides by the exception's type and its location fields, never by its message, so no parser's
 * words, class names or stack traces ever reach the user.
 */
public final class InputErrors {

    private InputErrors() {
    }

    /**
     * Makes {@code mapper} as strict as a person reading the file: a fraction is not a whole number, a number is not
     * an enum's position nor a yes/no. Returns it.
     */
    public static com.fasterxml.jackson.databind.ObjectMapper strict(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // an empty item in a list ("tags: [a, ~]") is a mistake, not a null for the code to trip on
        mapper.setDefaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL));
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return mapper;
    }

    /**
     * The problem {@code e} describes, met while reading {@code text} (the whole input, to tell a cut-off file from a
     * misplaced mark; may be null).
     */
    public static InputProblem of(Throwable e, String text) {
        if (e instanceof CharacterCodingException) {
            return InputProblem.at(0, "", "input.notText");
        }
        if (e instanceof PropertyBindingException p) {
            Collection<Object> known = p.getKnownPropertyIds() == null ? List.of() : p.getKnownPropertyIds();
            return InputProblem.at(line(e, text), "", "input.unknownField", InputProblem.cut(p.getPropertyName()),
                    String.join(", ", known.stream().map(String::valueOf).sorted().toList()));
        }
        if (e instanceof InvalidFormatException f) {
            String field = field(f);
            return new InputProblem(line(e, text), field, Reason.of("input.needed", expected(f.getTargetType(), field),
                    Reason.of("input.given.text", InputProblem.cut(f.getValue()))));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException n) {
            String field = field(n);
            Reason expected = n.getTargetType() == null ? Reason.of("input.expect.value") : expected(n.getTargetType(), field);
            return new InputProblem(line(e, text), field, Reason.of("input.needed", expected, Reason.of("input.given.nothing")));
        }
        if (e instanceof MismatchedInputException m) {
            String field = field(m);
            int line = line(e, text);
            Reason given = givenAt(text, line, field);
            return new InputProblem(line, field, Reason.of("input.needed", expected(m.getTargetType(), field), given != null ? given : given(m)));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c) {
            // a number too large for its field
            String field = field(m);
            int line = line(e, text);
            Reason given = givenAt(text, line, field);
            return new InputProblem(line, field, Reason.of("input.needed", expected(c.getTargetType(), field), given != null ? given : given(c)));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonProcessingException inner && inner != e) {
            // the YAML parser's error, met while binding: the parser's problem is the one to tell
            return of(inner, text);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof CharacterCodingException) {
            return InputProblem.at(0, "", "input.notText");
        }
        if (e instanceof JsonMappingException m) {
            // a value the record refused (a constructor's own check): still the field and line
            return InputProblem.at(line(e, text), field(m), "input.invalid");
        }
        if (e instanceof StreamReadException || e instanceof JsonProcessingException) {
            if (e.getCause() instanceof CharacterCodingException) {
                return InputProblem.at(0, "", "input.notText");
            }
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                // where the YAML parser found the problem (not where the construct it was reading began)
                org.yaml.snakeyaml.error.Mark mark = y.getProblemMark();
                boolean end = text != null && mark.getIndex() >= text.stripTrailing().length();
                return InputProblem.at(mark.getLine() + 1, "", end ? "input.syntax.end" : "input.syntax");
            }
            JsonLocation at = ((JsonProcessingException) e).getLocation();
            return InputProblem.at(line(e, text), "", atEnd(at, text) ? "input.syntax.end" : "input.syntax");
        }
        if (e instanceof NoSuchFileException) {
            return InputProblem.at(0, "", "input.noFile");
        }
        if (e instanceof AccessDeniedException) {
            return InputProblem.at(0, "", "input.denied");
        }
        if (e instanceof IOException && e.getCause() instanceof CharacterCodingException) {
            return InputProblem.at(0, "", "input.notText");
        }
        if (e instanceof IOException) {
            return InputProblem.at(0, "", "input.unreadable");
        }
        if (e instanceof NumberFormatException) {
            return InputProblem.at(0, "", "input.needed", Reason.of("input.expect.number"), Reason.of("input.given.nothing"));
        }
        return InputProblem.at(0, "", "input.invalid");
    }

    /** What a value of {@code type} must be, in words; {@code field} refines it (a port has a range). */
    public static Reason expected(Class<?> type, String field) {
        if (type == null) {
            return Reason.of("input.expect.value");
        }
        if ("port".equals(field) && (type == Integer.class || type == int.class)) {
            return Reason.of("input.expect.port");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return Reason.of("input.expect.whole");
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return Reason.of("input.expect.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Reason.of("input.expect.boolean");
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return Reason.of("input.expect.text");
        }
        if (type.isEnum()) {
            return Reason.of("input.expect.oneOf", String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Reason.of("input.expect.list");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return Reason.of("input.expect.fields");
        }
        return Reason.of("input.expect.value");
    }

    // The innermost named field of the path: "port" for targets[0].port, "tags" for targets[0].tags[2].
    private static String field(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            String name = path.get(i).getFieldName();
            if (name != null) {
                return InputProblem.cut(name);
            }
        }
        return "";
    }

    /**
     * What the text holds at {@code line} for {@code field}: a list ("[…" or items "- …" below), a set of fields ("{…" or
     * indented "name: …" below), nothing, or the scalar as written. Null when the line is not there or not that field's.
     */
    static Reason givenAt(String text, int line, String field) {
        if (text == null || line < 1) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        String l = lines[line - 1].strip();
        if (l.startsWith("- ") || l.equals("-")) {
            l = l.substring(1).strip();
        }
        String rest;
        if (!field.isEmpty() && l.startsWith(field) && l.substring(field.length()).stripLeading().startsWith(":")) {
            rest = l.substring(field.length()).stripLeading().substring(1).strip();
        } else {
            return null;
        }
        int comment = rest.startsWith("\"") || rest.startsWith("'") ? -1 : rest.indexOf(" #");
        if (comment >= 0) {
            rest = rest.substring(0, comment).strip();
        }
        if (rest.startsWith("[")) {
            return Reason.of("input.given.list");
        }
        if (rest.startsWith("{")) {
            return Reason.of("input.given.fields");
        }
        if (rest.isEmpty() || rest.equals("~") || rest.equals("null")) {
            for (int i = line; i < lines.length; i++) {
                String next = lines[i].strip();
                if (next.isEmpty() || next.startsWith("#")) {
                    continue;
                }
                if (next.startsWith("- ") || next.equals("-")) {
                    return Reason.of("input.given.list");
                }
                boolean deeper = lines[i].length() - lines[i].stripLeading().length() > lines[line - 1].length() - lines[line - 1].stripLeading().length();
                return deeper ? Reason.of("input.given.fields") : Reason.of("input.given.nothing");
            }
            return Reason.of("input.given.nothing");
        }
        if (rest.length() >= 2 && (rest.startsWith("\"") && rest.endsWith("\"") || rest.startsWith("'") && rest.endsWith("'"))) {
            rest = rest.substring(1, rest.length() - 1);
        }
        return Reason.of("input.given.text", InputProblem.cut(rest));
    }

    private static Reason given(MismatchedInputException e) {
        JsonToken token = null;
        String text = null;
        if (e.getProcessor() instanceof JsonParser p) {
            token = p.currentToken();
            try {
                text = token != null && token.isScalarValue() ? p.getText() : null;
            } catch (IOException | RuntimeException ignored) {
                text = null;
            }
        }
        return given(token, text);
    }

    private static Reason given(InputCoercionException e) {
        String text = null;
        if (e.getProcessor() instanceof JsonParser p) {
            try {
                text = p.getText();
            } catch (IOException | RuntimeException ignored) {
                text = null;
            }
        }
        return given(e.getInputType(), text);
    }

    private static Reason given(JsonToken token, String text) {
        if (token == JsonToken.START_ARRAY) {
            return Reason.of("input.given.list");
        }
        if (token == JsonToken.START_OBJECT) {
            return Reason.of("input.given.fields");
        }
        if (token == null || token == JsonToken.VALUE_NULL || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            return Reason.of("input.given.nothing");
        }
        return Reason.of("input.given.text", InputProblem.cut(text == null ? "" : text));
    }

    private static int line(Throwable e, String text) {
        JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
        if (at == null || at.getLineNr() < 1) {
            return 0;
        }
        if (e instanceof PropertyBindingException p && text != null) {
            // reported where reading stopped, often the next line; the field's own line is the last before that naming it
            String[] lines = text.split("\n", -1);
            String name = p.getPropertyName();
            for (int i = Math.min(lines.length, at.getLineNr()) - 1; i >= 0 && name != null; i--) {
                String l = lines[i].stripLeading();
                if (l.startsWith("- ")) {
                    l = l.substring(2).stripLeading();
                }
                if (l.startsWith(name) && l.substring(name.length()).stripLeading().startsWith(":")) {
                    return i + 1;
                }
            }
        }
        return at.getLineNr();
    }

    // Whether the parser stopped at the end of the text: a file cut short, or a quote or bracket never closed.
    private static boolean atEnd(JsonLocation at, String text) {
        if (at == null || text == null) {
            return false;
        }
        long offset = at.getCharOffset();
        if (offset >= 0) {
            return offset >= text.stripTrailing().length();
        }
        return at.getLineNr() >= text.stripTrailing().split("\n", -1).length;
    }
}
