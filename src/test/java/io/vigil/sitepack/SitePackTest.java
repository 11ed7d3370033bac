package io.vigil.sitepack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AlertChange;
import io.vigil.config.ChannelDef;
import io.vigil.config.EventType;
import io.vigil.config.MirrorDef;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheBrowser;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.target.ProbeResult;
import io.vigil.watch.Watch;

class SitePackTest {

    @TempDir
    Path dir;

    private SitePackFixture site;
    private final Messages en = new Messages(Locale.ENGLISH);

    @BeforeEach
    void seed() throws IOException {
        site = new SitePackFixture(dir);
    }

    @AfterEach
    void close() throws IOException {
        site.close();
    }

    private Path write(String name, List<String> targets) {
        Path out = dir.resolve(name);
        new SitePackWriter(site.clock).write(site.source(), new PackRequest("ACME Billing", SitePackFixture.FROM, SitePackFixture.TO, targets),
                out, PackRequest.Progress.none());
        return out;
    }

    private static long id(List<Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void aPackReadsBackAsTheSiteWasOverTheRangeOnly() {
        Path file = write("site.vigil", List.of());
        try (OpenedPack pack = SitePackReader.open(file)) {
            PackManifest m = pack.manifest();
            assertEquals("ACME Billing", m.site());
            assertEquals(SitePackFixture.FROM, m.fromTime());
            assertEquals(SitePackFixture.TO, m.toTime());
            assertEquals(List.of("ledger", "prod", "shop"), m.targets().stream().map(PackManifest.PackTarget::name).sorted().toList());

            List<Target> targets = pack.store().targets();
            assertEquals(3, targets.size());
            targets.forEach(t -> assertTrue(t.password().isEmpty(), t.name() + " keeps no password"));
            assertEquals(site.config.metrics().size(), pack.store().metrics().size());
            assertEquals(site.config.mirrors().size(), pack.store().mirrors().size());
            assertEquals(site.config.rules().size(), pack.store().rules().size());
            List<ChannelDef> channels = pack.store().channels();
            assertEquals(2, channels.size());
            channels.forEach(c -> assertTrue(c.secret().isEmpty() && !c.enabled(), c.name()));

            // every minute of the range, to the value; none before it or after it
            for (String[] s : new String[][] {{"oracle.sessions.active", "prod", "10"}, {"mysql.connections", "shop", "2000"},
                    {"pg.connections", "ledger", "5000"}}) {
                List<Series> got = pack.series().query(new RangeQuery(s[0], Map.of("target", s[1]),
                        SitePackFixture.NOW.minus(Duration.ofDays(4)), SitePackFixture.NOW.plus(Duration.ofDays(1)), 432_000)); // 1 s buckets
                assertEquals(1, got.size(), s[0]);
                List<Long> times = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (Instant t = SitePackFixture.FROM; t.isBefore(SitePackFixture.TO); t = t.plus(Duration.ofMinutes(1))) {
                    times.add(t.toEpochMilli());
                    values.add(SitePackFixture.valueAt(t, Double.parseDouble(s[2])));
                }
                assertArrayEquals(times.stream().mapToLong(Long::longValue).toArray(), got.getFirst().times(), s[0]);
                assertArrayEquals(values.stream().mapToDouble(Double::doubleValue).toArray(), got.getFirst().values(), 1e-9, s[0]);
            }

            long prod = id(targets, "prod");
            long shop = id(targets, "shop");
            MirrorDef session = pack.store().mirrors().stream().filter(x -> x.cacheTable().equals(SitePackFixture.SESSION_TABLE)).findFirst()
                    .orElseThrow();
            CacheBrowser browser = new CacheBrowser(pack.cache(), pack.ledger());
            CacheBrowser.Page prodRows = browser.read(prod, session, 100).orElseThrow();
            assertEquals(List.of("APP_BILLING", "APP_REPORTS", "SYS"), prodRows.rows().stream()
                    .map(r -> (String) r.get(prodRows.columns().stream().map(CacheBrowser.Column::name).toList().indexOf("username")))
                    .sorted().toList());
            assertEquals(SitePackFixture.TO.minusSeconds(20), prodRows.syncedAt().orElseThrow());
            assertEquals(1, browser.read(shop, session, 100).orElseThrow().rows().size());

            assertEquals(1, pack.store().alerts().open().size());
            assertEquals(prod, pack.store().alerts().open().getFirst().key().targetId());
            List<AlertChange> history = pack.store().alerts().history(Instant.EPOCH, SitePackFixture.NOW.plus(Duration.ofDays(1)), "",
                    Severity.INFO, 100);
            assertEquals(3, history.size());
            assertFalse(history.stream().anyMatch(c -> c.detail().equals("too early")));
            List<VigilEvent> events = pack.store().alerts().events("", Instant.EPOCH, SitePackFixture.NOW.plus(Duration.ofDays(1)), 100);
            assertEquals(List.of(EventType.ALERT_LOG, EventType.RESTART), events.stream().map(VigilEvent::type).toList());
            assertTrue(events.stream().allMatch(e -> e.targetId() == prod));

            assertEquals(2, pack.jobs().size());
            assertTrue(pack.jobs().stream().anyMatch(j -> j.targetId() == shop && j.reason().key().equals("reason.offline")));
            assertTrue(pack.latest().stream().anyMatch(p -> p.metric().equals("oracle.sessions.active")
                    && p.time().equals(SitePackFixture.TO.minus(Duration.ofMinutes(1)))));
        }
    }

    @Test
    void onlyTheChosenTargetsGoIn() {
        Path file = write("shop.vigil", List.of("shop"));
        try (OpenedPack pack = SitePackReader.open(file)) {
            assertEquals(List.of("shop"), pack.store().targets().stream().map(Target::name).toList());
            assertTrue(pack.series().query(new RangeQuery("oracle.sessions.active", Map.of(), SitePackFixture.FROM, SitePackFixture.TO, 100))
                    .isEmpty());
            assertEquals(1, pack.store().alerts().history(Instant.EPOCH, SitePackFixture.NOW, "", Severity.INFO, 100).size());
            assertTrue(pack.store().alerts().open().isEmpty());
        }
        SitePackException e = assertThrows(SitePackException.class, () -> write("x.vigil", List.of("nope")));
        assertEquals(SitePackException.Kind.UNKNOWN_TARGET, e.kind());
        assertFalse(Files.exists(dir.resolve("x.vigil")));
    }

    @Test
    void noPasswordOrChannelSecretIsAnywhereInThePack() throws IOException {
        Path file = write("site.vigil", List.of());
        List<String> secrets = List.of(SitePackFixture.PROD_PASSWORD, SitePackFixture.SHOP_PASSWORD, SitePackFixture.LEDGER_PASSWORD,
                SitePackFixture.DING_TOKEN, SitePackFixture.DING_SECRET, SitePackFixture.SMTP_PASSWORD);
        List<byte[]> blobs = new ArrayList<>();
        blobs.add(Files.readAllBytes(file));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                blobs.add(zip.readAllBytes());
            }
        }
        try (OpenedPack pack = SitePackReader.open(file); Stream<Path> files = Files.walk(pack.folder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                blobs.add(Files.readAllBytes(f));
            }
        }
        assertTrue(blobs.size() > 8);
        // the scan finds what is there: an event's text is in the unpacked config store
        assertTrue(blobs.stream().anyMatch(b -> contains(b, "kcbgtcr_13".getBytes(StandardCharsets.UTF_8))));
        for (String s : secrets) {
            for (byte[] needle : List.of(s.getBytes(StandardCharsets.UTF_8), s.getBytes(StandardCharsets.UTF_16BE),
                    s.getBytes(StandardCharsets.UTF_16LE))) {
                assertTrue(blobs.stream().noneMatch(b -> contains(b, needle)), "found a secret of length " + s.length());
            }
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aDamagedPackIsRefusedWhole() throws IOException {
        Path good = write("site.vigil", List.of());
        byte[] bytes = Files.readAllBytes(good);

        for (int at : new int[] {bytes.length / 3, bytes.length / 2, bytes.length * 2 / 3}) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assertRefused(Files.write(dir.resolve("flipped-" + at + ".vigil"), flipped), SitePackException.Kind.DAMAGED, "is damaged");
        }
        assertRefused(Files.write(dir.resolve("cut.vigil"), java.util.Arrays.copyOf(bytes, bytes.length - 4000)),
                SitePackException.Kind.DAMAGED, "is damaged");
        assertRefused(rewrite(good, dir.resolve("missing.vigil"), SitePackWriter.CACHE, null), SitePackException.Kind.DAMAGED, "is damaged");
        assertRefused(Files.writeString(dir.resolve("notes.vigil"), "just some notes, not a pack"), SitePackException.Kind.NOT_A_PACK,
                "is not a Vigil site pack");
        assertRefused(dir.resolve("absent.vigil"), SitePackException.Kind.IO, "There is no file");
        // the good one still opens
        SitePackReader.open(good).close();
    }

    @Test
    void aPackFromANewerVigilIsRefusedWithItsVersion() throws IOException {
        Path good = write("site.vigil", List.of());
        String manifest;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(good))) {
            zip.getNextEntry();
            manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        String newer = manifest.replaceFirst("\"format\" : 2", "\"format\" : 3").replaceFirst("\"vigilVersion\" : \"[^\"]*\"",
                "\"vigilVersion\" : \"9.4.0\"");
        assertTrue(newer.contains("\"format\" : 3"), manifest);
        Path file = rewrite(good, dir.resolve("newer.vigil"), PackManifest.NAME, newer.getBytes(StandardCharsets.UTF_8));
        SitePackException e = assertRefused(file, SitePackException.Kind.TOO_NEW, "made by Vigil 9.4.0, newer than this one");
        assertTrue(en.render(e.reason()).contains("update to open it"));
        assertTrue(new Messages(Locale.SIMPLIFIED_CHINESE).render(e.reason()).contains("9.4.0"));
    }

    @Test
    void openingAPackNeverConnectsToItsTargets() throws Exception {
        // the listener counts connections: one made on purpose shows it does
        new Socket(java.net.InetAddress.getLoopbackAddress(), site.prod.port()).close();
        long until = System.nanoTime() + 5_000_000_000L;
        while (site.connections.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(1, site.connections.getAndSet(0));

        Path file = write("site.vigil", List.of());
        try (PackMonitoring m = PackMonitoring.open(file)) {
            Watch.Snapshot s = m.snapshot();
            assertEquals(3, s.targets().size());
            assertEquals(io.vigil.watch.Health.OK, s.health(id(s.targets(), "prod")).health());
            assertEquals(1, s.alerts().size());
            for (Target t : s.targets()) {
                ProbeResult r = m.connections().probe(t);
                assertFalse(r.ok());
                assertEquals("reason.offline", r.failure().reason().key());
                assertThrows(RuntimeException.class, () -> m.connections().pool(t));
            }
            assertTrue(m.watchesOnly());
            // and nothing in it changes: every save is refused, in words
            Target prod = m.store().targets().stream().filter(t -> t.name().equals("prod")).findFirst().orElseThrow();
            io.vigil.config.InvalidConfigException refused = assertThrows(io.vigil.config.InvalidConfigException.class,
                    () -> m.store().saveTarget(prod.withEnabled(false)));
            assertEquals("A site pack is read-only: nothing in it can be changed.", refused.problems().getFirst().describe(en));
            assertThrows(io.vigil.config.InvalidConfigException.class, () -> m.store().deleteTarget(prod.id()));
            assertTrue(m.store().targets().stream().filter(t -> t.name().equals("prod")).findFirst().orElseThrow().enabled());
            Thread.sleep(1500);
        }
        assertEquals(0, site.connections.get(), "nothing connected to the site's databases");
    }

    private SitePackException assertRefused(Path file, SitePackException.Kind kind, String says) throws IOException {
        List<Path> before = leftovers();
        SitePackException e = assertThrows(SitePackException.class, () -> SitePackReader.open(file).close(), file.toString());
        assertEquals(kind, e.kind(), file + ": " + e.getMessage());
        assertTrue(en.render(e.reason()).contains(says), en.render(e.reason()));
        assertEquals(before, leftovers(), "nothing of a refused pack stays unpacked");
        return e;
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("vigil-pack-open-")).sorted().toList();
        }
    }

    /** The pack with one entry replaced ({@code with} non-null) or left out. */
    private static Path rewrite(Path from, Path to, String entry, byte[] with) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    if (with == null) {
                        continue;
                    }
                    data = with;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return to;
    }
}
