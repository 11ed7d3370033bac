package io.vigil.config.tns;

import java.nio.file.Path;
import java.util.Objects;

import io.vigil.i18n.Messages;

/**
 * One alias of a tnsnames.ora file, with what its first TCP or TCPS address and its CONNECT_DATA say, for display.
 * The whole descriptor (failover, load balancing) stays the Oracle driver's business.
 *
 * @param alias        as written, domain included (e.g. {@code PROD.EXAMPLE.COM})
 * @param file         the file that defines it (the top file or one it includes)
 * @param line         1-based line where the entry starts
 * @param host         host of the first TCP/TCPS address
 * @param port         port of that address (1521 when it names none, as Oracle assumes)
 * @param tcps         whether that address uses TCPS
 * @param serviceName  CONNECT_DATA's SERVICE_NAME, or empty
 * @param sid          CONNECT_DATA's SID, or empty
 * @param instanceName CONNECT_DATA's INSTANCE_NAME, or empty
 * @param addresses    how many ADDRESSes the descriptor holds, every protocol and description counted
 */
public record TnsEntry(String alias, Path file, int line, String host, int port, boolean tcps, String serviceName, String sid,
                       String instanceName, int addresses) {

    public TnsEntry {
        Objects.requireNonNull(alias, "alias");
        serviceName = serviceName == null ? "" : serviceName;
        sid = sid == null ? "" : sid;
        instanceName = instanceName == null ? "" : instanceName;
    }

    /** Whether the entry names its database by SID rather than by service name. */
    public boolean bySid() {
        return serviceName.isEmpty();
    }

    /** The service name, or the SID when there is no service name. */
    public String database() {
        return bySid() ? sid : serviceName;
    }

    /** The same entry under another alias (the aliases of {@code A, B = (…)} share one descriptor). */
    TnsEntry as(String otherAlias) {
        return new TnsEntry(otherAlias, file, line, host, port, tcps, serviceName, sid, instanceName, addresses);
    }

    /** The first address as a line reads it: host:port, service or SID, TCPS, and how many addresses there are. */
    public String describe(Messages messages) {
        String text = messages.get(bySid() ? "tns.address.sid" : "tns.address.service", host, port, database());
        if (tcps) {
            text += messages.get("tns.address.tcps");
        }
        if (addresses > 1) {
            text += messages.get("tns.address.more", addresses);
        }
        return text;
    }
}
