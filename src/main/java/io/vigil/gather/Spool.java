package io.vigil.gather;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.series.Point;
import io.vigil.series.SeriesKey;

/**
 * Points that could not be archived, on disk in the order they came, until the series store takes them again.
 * Bounded in bytes: when full, the oldest batch goes (and is counted), so the newest data survives a long outage.
 * One file a batch, written whole before it is renamed into place, so a crash never leaves half a batch.
 */
public final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    /** How full the spool is, for the status bar: "1,234 points waiting (2 MB of 256 MB)". */
    public record Fill(int batches, long points, long bytes, long limitBytes, long droppedPoints, long unwritablePoints) {

        /** A fill whose drops were all for the spool's own limit. */
        public Fill(int batches, long points, long bytes, long limitBytes, long droppedPoints) {
            this(batches, points, bytes, limitBytes, droppedPoints, 0);
        }
    }

    private final Path folder;
    private final long limitBytes;
    private long sequence;
    private long droppedPoints;
    /** Of the dropped points, those the disk refused (full, read-only): never spooled, the newest rather than the oldest. */
    private long unwritablePoints;

    public Spool(Path folder, long limitBytes) {
        this.folder = folder;
        this.limitBytes = limitBytes;
        try {
            Files.createDirectories(folder);
            this.sequence = batches().stream().mapToLong(Spool::sequenceOf).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("the spool folder " + folder + " could not be opened", e);
        }
    }

    public synchronized void append(List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Point p : points) {
            text.append(p.metric()).append('\t').append(p.key().canonicalTags()).append('\t')
                    .append(p.time().toEpochMilli()).append('\t').append(p.value()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            makeRoom(bytes.length);
            Path tmp = folder.resolve("incoming.tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, folder.resolve(String.format("%019d.batch", ++sequence)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            droppedPoints += points.size();
            unwritablePoints += points.size();
            LOG.error("{} points could not be spooled to {}: {}", points.size(), folder, e.getMessage());
        }
    }

    private void makeRoom(long incoming) throws IOException {
        List<Path> batches = batches();
        long used = 0;
        for (Path b : batches) {
            used += Files.size(b);
        }
        for (int i = 0; used + incoming > limitBytes && i < batches.size(); i++) {
            Path oldest = batches.get(i);
            long lines = lines(oldest);
            used -= Files.size(oldest);
            Files.delete(oldest);
            droppedPoints += lines;
            LOG.warn("The spool in {} is full ({} bytes): dropped its oldest {} points", folder, limitBytes, lines);
        }
    }

    /** The oldest batch, if any. */
    public synchronized Optional<List<Point>> peek() {
        List<Path> batches = batches();
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Point> points = new ArrayList<>();
            for (String line : Files.readAllLines(batches.getFirst(), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                points.add(new Point(f[0], SeriesKey.parseTags(f[1]),
                        Instant.ofEpochMilli(Long.parseLong(f[2])), Double.parseDouble(f[3])));
            }
            return Optional.of(points);
        } catch (IOException e) {
            throw new UncheckedIOException("the spool batch " + batches.getFirst() + " could not be read", e);
        }
    }

    /** Removes the oldest batch, after it has been archived. */
    public synchronized void pop() {
        List<Path> batches = batches();
        if (!batches.isEmpty()) {
            try {
                Files.delete(batches.getFirst());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized Fill fill() {
        List<Path> batches = batches();
        long bytes = 0;
        long points = 0;
        for (Path b : batches) {
            try {
                bytes += Files.size(b);
                points += lines(b);
            } catch (IOException e) {
                LOG.debug("spool batch vanished: {}", b);
            }
        }
        return new Fill(batches.size(), points, bytes, limitBytes, droppedPoints, unwritablePoints);
    }

    private List<Path> batches() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".batch")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the spool folder " + folder + " could not be listed", e);
        }
    }

    private static long lines(Path batch) throws IOException {
        try (Stream<String> lines = Files.lines(batch, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static long sequenceOf(Path batch) {
        String name = batch.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
