package io.vigil.sitepack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.i18n.Reason;
import io.vigil.ledger.SyncRecord;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.Point;
import io.vigil.watch.JobBoard.JobState;

/** The pack's small JSON entries: the manifest, the job states as they were, the mirrors' sync times and the newest points. */
final class PackJson {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PackJson() {
    }

    static byte[] manifest(PackManifest m) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    static PackManifest manifest(byte[] json) throws IOException {
        PackManifest m = JSON.readValue(json, PackManifest.class);
        if (m == null) {
            throw new IOException("empty manifest");
        }
        return m;
    }

    /** Just the format number, read before the rest, so a newer manifest's other changes cannot hide it. */
    static int format(byte[] json) throws IOException {
        JsonNode f = JSON.readTree(json).path("format");
        if (!f.isInt()) {
            throw new IOException("no format");
        }
        return f.asInt();
    }

    static String vigilVersion(byte[] json) throws IOException {
        return JSON.readTree(json).path("vigilVersion").asText("");
    }

    static byte[] jobs(List<JobState> jobs) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        for (JobState j : jobs) {
            ObjectNode o = out.addObject();
            o.put("targetId", j.targetId());
            o.put("targetName", j.targetName());
            o.put("kind", j.job().kind().name());
            o.put("name", j.job().name());
            o.put("status", j.status().name());
            o.set("reason", reason(j.reason()));
            o.put("lastRun", j.lastRun().toEpochMilli());
            o.put("tookMs", j.took() == null ? 0 : j.took().toMillis());
            o.put("rows", j.rows());
            if (j.lastOk() != null) {
                o.put("lastOk", j.lastOk().toEpochMilli());
            }
        }
        return JSON.writeValueAsBytes(out);
    }

    static List<JobState> jobs(byte[] json) throws IOException {
        List<JobState> out = new ArrayList<>();
        for (JsonNode o : JSON.readTree(json)) {
            JobKey key = new JobKey(JobKey.JobKind.valueOf(o.path("kind").asText()), o.path("name").asText());
            out.add(new JobState(o.path("targetId").asLong(), o.path("targetName").asText(), key, Status.valueOf(o.path("status").asText()),
                    reason(o.path("reason")), Instant.ofEpochMilli(o.path("lastRun").asLong()), Duration.ofMillis(o.path("tookMs").asLong()),
                    o.path("rows").asLong(), o.has("lastOk") ? Instant.ofEpochMilli(o.path("lastOk").asLong()) : null));
        }
        return out;
    }

    private static JsonNode reason(Reason r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", r == null ? "" : r.key());
        ArrayNode args = o.putArray("args");
        if (r != null) {
            for (Object a : r.args()) {
                if (a instanceof Reason nested) {
                    args.add(reason(nested));
                } else if (a instanceof Long || a instanceof Integer) {
                    args.add(((Number) a).longValue());
                } else if (a instanceof Number n) {
                    args.add(n.doubleValue());
                } else {
                    args.add(String.valueOf(a));
                }
            }
        }
        return o;
    }

    private static Reason reason(JsonNode o) {
        if (o == null || o.isMissingNode() || o.path("key").asText("").isEmpty()) {
            return Reason.NONE;
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : o.path("args")) {
            if (a.isObject()) {
                args.add(reason(a));
            } else if (a.isIntegralNumber()) {
                args.add(a.asLong());
            } else if (a.isNumber()) {
                args.add(a.asDouble());
            } else {
                args.add(a.asText());
            }
        }
        return new Reason(o.path("key").asText(), args);
    }

    static byte[] syncs(List<SyncRecord> syncs) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        for (SyncRecord s : syncs) {
            out.addObject().put("targetId", s.targetId()).put("mirror", s.mirror()).put("syncedAt", s.syncedAt().toEpochMilli())
                    .put("rows", s.rows()).put("tookMs", s.tookMs());
        }
        return JSON.writeValueAsBytes(out);
    }

    static List<SyncRecord> syncs(byte[] json) throws IOException {
        List<SyncRecord> out = new ArrayList<>();
        for (JsonNode o : JSON.readTree(json)) {
            out.add(new SyncRecord(o.path("targetId").asLong(), o.path("mirror").asText(), Instant.ofEpochMilli(o.path("syncedAt").asLong()),
                    o.path("rows").asLong(), o.path("tookMs").asLong()));
        }
        return out;
    }

    static byte[] points(List<Point> points) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        for (Point p : points) {
            ObjectNode o = out.addObject();
            o.put("metric", p.metric());
            ObjectNode tags = o.putObject("tags");
            p.tags().forEach(tags::put);
            o.put("time", p.time().toEpochMilli());
            o.put("value", p.value());
        }
        return JSON.writeValueAsBytes(out);
    }

    static List<Point> points(byte[] json) throws IOException {
        List<Point> out = new ArrayList<>();
        for (JsonNode o : JSON.readTree(json)) {
            TreeMap<String, String> tags = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : o.path("tags").properties()) {
                tags.put(e.getKey(), e.getValue().asText());
            }
            out.add(new Point(o.path("metric").asText(), tags, Instant.ofEpochMilli(o.path("time").asLong()), o.path("value").asDouble()));
        }
        return out;
    }
}
