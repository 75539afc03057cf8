// PropertiesOracle: reference loader for the kafkalint .properties test corpus.
//
// Usage: java PropertiesOracle.java <input.properties> <output.json>
//
// Loads <input.properties> with java.util.Properties#load(java.io.Reader) through a
// UTF-8 InputStreamReader and records every put(key, value) call made by load, in
// order, including repeated keys. Writes one of:
//   {"entries": [["key", "value"], ...]}
//   {"error": "<simple class name of the exception thrown by load>"}
// All output is pure ASCII: '"' and '\' are escaped, and every character below
// U+0020 or above U+007E is written as \\uXXXX (UTF-16 code units, so supplementary
// characters appear as surrogate pairs).

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public final class PropertiesOracle {

    /** Properties that remembers every put(key, value) call in call order. */
    static final class RecordingProperties extends Properties {
        private static final long serialVersionUID = 1L;
        final transient List<String[]> calls = new ArrayList<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            calls.add(new String[] {String.valueOf(key), String.valueOf(value)});
            return super.put(key, value);
        }
    }

    private static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static String render(List<String[]> calls) {
        StringBuilder out = new StringBuilder();
        out.append("{\"entries\": [");
        for (int i = 0; i < calls.size(); i++) {
            out.append(i == 0 ? "\n  [" : ",\n  [");
            appendJsonString(out, calls.get(i)[0]);
            out.append(", ");
            appendJsonString(out, calls.get(i)[1]);
            out.append(']');
        }
        out.append(calls.isEmpty() ? "]}\n" : "\n]}\n");
        return out.toString();
    }

    static String renderError(Throwable t) {
        StringBuilder out = new StringBuilder();
        out.append("{\"error\": ");
        appendJsonString(out, t.getClass().getSimpleName());
        out.append("}\n");
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java PropertiesOracle.java <input.properties> <output.json>");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);

        RecordingProperties props = new RecordingProperties();
        String json;
        try (InputStream in = Files.newInputStream(input);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            try {
                props.load(reader);
                json = render(props.calls);
            } catch (RuntimeException e) {
                // e.g. IllegalArgumentException("Malformed \\uxxxx encoding.")
                json = renderError(e);
            }
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.US_ASCII)) {
            w.write(json);
        }
    }
}
