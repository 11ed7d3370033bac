package io.vigil.alert.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a plain-text {@code alert_<SID>.log}: a timestamp line (11g's {@code Mon Dec 05 14:01:02 2026} or 12.2's
 * {@code 2026-12-05T14:01:02.123456+00:00}) followed by the lines written at that moment. Each line becomes a row
 * stamped with the timestamp above it, numbered by its line in the file, so the grouper treats a pasted file as it
 * treats V$DIAG_ALERT_EXT.
 */
public final class AlertLogFile {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLogFile.class);
    private static final Pattern CLASSIC = Pattern.compile("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}$");
    private static final Pattern ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)$");
    private static final DateTimeFormatter CLASSIC_FORMAT = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    private static final int NORMAL_LEVEL = 16;

    private AlertLogFile() {
    }

    /** The file's lines as rows; {@code zone} is the database host's, which 11g's timestamps leave out. */
    public static List<AlertLogRow> rows(Reader text, ZoneId zone) throws IOException {
        List<AlertLogRow> rows = new ArrayList<>();
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
        Instant at = null;
        long lineNo = 0;
        long skipped = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            Instant stamp = timestamp(line.strip(), zone);
            if (stamp != null) {
                at = stamp;
            } else if (at == null) {
                skipped++; // a paste may start mid-entry, before any timestamp: no time to give those lines
            } else if (!line.isBlank()) {
                rows.add(new AlertLogRow(lineNo, at, NORMAL_LEVEL, 0, line));
            }
        }
        if (skipped > 0) {
            LOG.debug("Skipped {} alert log lines before the first timestamp", skipped);
        }
        return rows;
    }

    /** The file's lines grouped into entries. */
    public static List<AlertLogEntry> entries(Reader text, ZoneId zone, AlertLogGrouper grouper) throws IOException {
        return grouper.group(rows(text, zone));
    }

    /** The moment a timestamp line names, or null when the line is a message. */
    static Instant timestamp(String line, ZoneId zone) {
        try {
            if (CLASSIC.matcher(line).matches()) {
                // the weekday is left out: a hand-edited sample with a wrong one still reads
                return LocalDateTime.parse(line.substring(4).replaceAll(" +", " "), CLASSIC_FORMAT).atZone(zone).toInstant();
            }
            if (ISO.matcher(line).matches()) {
                return OffsetDateTime.parse(line).toInstant();
            }
        } catch (DateTimeParseException e) {
            LOG.debug("Not an alert log timestamp: {}", line);
        }
        return null;
    }
}
