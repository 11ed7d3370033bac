package io.vigil.ui.live;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.TrayIcon.MessageType;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's icon in the system tray, where the desktop has one: notices also pop up there, so an alert reaches a DBA whose
 * console is minimised or behind other windows. Everything AWT does happens on its own threads, never on the FX
 * thread; on a desktop without a tray (or headless) the tray is simply absent and {@link #show} does nothing.
 */
public final class DesktopTray implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopTray.class);

    private volatile TrayIcon icon;
    private volatile boolean closed;

    private DesktopTray() {
    }

    /**
     * Puts the icon in the tray in the background; {@code open} runs (on the AWT thread) when the user clicks it, to
     * bring the console to the front.
     */
    public static DesktopTray install(String tooltip, Runnable open) {
        DesktopTray tray = new DesktopTray();
        if (GraphicsEnvironment.isHeadless() || Boolean.getBoolean("vigil.noTray")) {
            return tray;
        }
        Thread t = new Thread(() -> tray.add(tooltip, open), "vigil-tray");
        t.setDaemon(true);
        t.start();
        return tray;
    }

    private void add(String tooltip, Runnable open) {
        try (InputStream png = DesktopTray.class.getResourceAsStream("/io/vigil/ui/icons/vigil-32.png")) {
            if (!SystemTray.isSupported() || png == null) {
                LOG.info("This desktop has no system tray: notices show in the console only");
                return;
            }
            TrayIcon ti = new TrayIcon(ImageIO.read(png), tooltip);
            ti.setImageAutoSize(true);
            ti.addActionListener(e -> open.run());
            SystemTray.getSystemTray().add(ti);
            if (closed) {
                SystemTray.getSystemTray().remove(ti);
            } else {
                icon = ti;
            }
        } catch (IOException | java.awt.AWTException | RuntimeException | LinkageError e) {
            LOG.info("The system tray could not be used ({}): notices show in the console only", e.toString());
        }
    }

    /** Whether the icon is in the tray. */
    public boolean available() {
        return icon != null;
    }

    /** Pops the notice up from the tray icon; returns at once. */
    public void show(HealthNotices.Notice notice) {
        TrayIcon ti = icon;
        if (ti != null) {
            EventQueue.invokeLater(() -> ti.displayMessage(notice.title(), notice.text(), notice.warning() ? MessageType.WARNING : MessageType.INFO));
        }
    }

    @Override
    public void close() {
        closed = true;
        TrayIcon ti = icon;
        icon = null;
        if (ti != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(ti));
        }
    }
}
