package io.vigil.ui.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes rows as CSV by RFC 4180: CRLF line ends, and fields with a comma, a quote or a line break quoted, quotes doubled. */
public final class CsvExport {

    private CsvExport() {
    }

    /** Writes the header and rows to {@code file} (UTF-8), replacing it only once everything is written; returns the rows written. */
    public static int write(List<String> header, List<MirrorRow> rows, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8))) {
                line(w, header.stream().map(h -> (Object) h).toList());
                for (MirrorRow r : rows) {
                    line(w, r.values());
                }
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return rows.size();
    }

    private static void line(Writer w, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(CellValues.text(values.get(i))));
        }
        w.write("\r\n");
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
