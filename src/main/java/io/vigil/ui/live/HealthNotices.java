package io.vigil.ui.live;

import java.util.ArrayList;
import java.util.List;

import io.vigil.config.DataDisk;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard.TargetState;
import io.vigil.watch.Watch.Snapshot;

/**
 * What is worth interrupting a DBA for between two snapshots: a target that went down or started failing (once, not
 * every second it stays so), one that recovered, the spool starting to fill or dropping points, and the disk under the
 * data folder running out of room (and having room again).
 */
public final class HealthNotices {

    /** One notification: a warning or good news. */
    public record Notice(boolean warning, String title, String text) {
    }

    private HealthNotices() {
    }

    public static List<Notice> between(Snapshot before, Snapshot now, Messages messages) {
        List<Notice> out = new ArrayList<>();
        if (before == null) {
            return out; // the first snapshot sets the scene; what was already wrong shows in the tree
        }
        for (Target t : now.targets()) {
            TargetState was = before.health(t.id());
            TargetState is = now.health(t.id());
            if (is == null || was == null || was.health() == is.health()) {
                continue;
            }
            if (bad(is.health()) && !bad(was.health())) {
                out.add(new Notice(true, messages.get("notice.health." + is.health().name(), t.name()), messages.render(is.reason())));
            } else if (is.health() == Health.OK && bad(was.health())) {
                out.add(new Notice(false, messages.get("notice.recovered", t.name()), ""));
            }
        }
        if (now.spool().points() > 0 && before.spool().points() == 0) {
            out.add(new Notice(true, messages.get("notice.spooling"), messages.get("notice.spooling.text", now.spool().points())));
        }
        long overLimit = (now.spool().droppedPoints() - now.spool().unwritablePoints())
                - (before.spool().droppedPoints() - before.spool().unwritablePoints());
        if (overLimit > 0) {
            out.add(new Notice(true, messages.get("notice.dropped"), messages.get("notice.dropped.text", overLimit)));
        }
        DataDisk.Level was = before.disk().level();
        DataDisk.Level is = now.disk().level();
        if (is != was && now.disk().warning() && (is == DataDisk.Level.FULL || was != DataDisk.Level.FULL)) {
            out.add(new Notice(true, messages.get("notice.disk." + is.name()), messages.get("notice.disk." + is.name() + ".text",
                    now.disk().folder().toString(), DataDisk.bytes(now.disk().free()))));
        } else if (is == DataDisk.Level.OK && before.disk().warning()) {
            out.add(new Notice(false, messages.get("notice.disk.OK"), messages.get("notice.disk.OK.text", DataDisk.bytes(now.disk().free()))));
        }
        if (now.spool().unwritablePoints() > before.spool().unwritablePoints()) {
            out.add(new Notice(true, messages.get("notice.unwritable"),
                    messages.get("notice.unwritable.text", now.spool().unwritablePoints() - before.spool().unwritablePoints())));
        }
        return out;
    }

    private static boolean bad(Health h) {
        return h == Health.DOWN || h == Health.ERROR;
    }
}
