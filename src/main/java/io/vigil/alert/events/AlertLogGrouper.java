package io.vigil.alert.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts back together what the alert log wrote as several rows for one incident: "Errors in file …", the ORA- lines,
 * "Incident details in: …". A row continues the entry before it when it was written within a second of it and looks
 * like a continuation.
 */
public final class AlertLogGrouper {

    static final Duration SAME_MOMENT = Duration.ofSeconds(1);
    private static final List<String> CONTINUATIONS = List.of("ORA-", "Incident details", "Use ADRCI", "See Note");
    private static final String ERRORS_IN_FILE = "Errors in file";

    private final AlertLogClassifier classifier;

    public AlertLogGrouper(AlertLogClassifier classifier) {
        this.classifier = classifier;
    }

    /** Groups rows given in record-id order into entries, in the same order. */
    public List<AlertLogEntry> group(List<AlertLogRow> rows) {
        List<AlertLogEntry> out = new ArrayList<>();
        List<AlertLogRow> current = new ArrayList<>();
        for (AlertLogRow row : rows) {
            if (!current.isEmpty() && !continues(current, row)) {
                out.add(entry(current));
                current = new ArrayList<>();
            }
            current.add(row);
        }
        if (!current.isEmpty()) {
            out.add(entry(current));
        }
        return out;
    }

    /** Whether the entry ends in a lead-in ("Errors in file …:") whose error lines were not written yet. */
    public boolean awaitsMore(AlertLogEntry entry) {
        return lastLine(entry.lines().getLast()).startsWith(ERRORS_IN_FILE);
    }

    private boolean continues(List<AlertLogRow> group, AlertLogRow row) {
        AlertLogRow previous = group.getLast();
        if (Duration.between(previous.at(), row.at()).abs().compareTo(SAME_MOMENT) > 0) {
            return false;
        }
        String text = row.text();
        if (!text.isEmpty() && Character.isWhitespace(text.charAt(0))) {
            return true;
        }
        if (CONTINUATIONS.stream().anyMatch(text::startsWith) || lastLine(previous.text()).startsWith(ERRORS_IN_FILE)) {
            return true;
        }
        // "Errors in file" ends a preamble such as "Corrupt block relative dba: …"; but after an error it starts the next
        // incident, and a routine line written in the same second (a log switch) must not swallow it.
        if (text.startsWith(ERRORS_IN_FILE)) {
            AlertLogClass so = classifier.classify(joined(group));
            return so.code().isEmpty() && so.isEvent();
        }
        return false;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }

    private static String joined(List<AlertLogRow> rows) {
        return String.join("\n", rows.stream().map(AlertLogRow::text).toList());
    }

    private static AlertLogEntry entry(List<AlertLogRow> rows) {
        return new AlertLogEntry(rows.getFirst().recordId(), rows.getLast().recordId(), rows.getFirst().at(),
                rows.stream().map(r -> r.text().stripTrailing()).toList());
    }
}
