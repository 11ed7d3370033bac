package io.vigil.config.tns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.config.tns.TnsSyntax.Malformed;
import io.vigil.config.tns.TnsSyntax.Node;

/** Finds what Vigil shows of a descriptor: the first TCP/TCPS address, the number of addresses, and CONNECT_DATA. */
final class TnsDescriptor {

    private TnsDescriptor() {
    }

    static TnsEntry read(String alias, Path file, int line, List<Node> top) throws Malformed {
        List<Node> descriptions = new ArrayList<>();
        for (Node n : top) {
            switch (n.key()) {
                case "DESCRIPTION_LIST" -> descriptions.addAll(n.all("DESCRIPTION"));
                case "DESCRIPTION" -> descriptions.add(n);
                default -> { }
            }
        }
        if (descriptions.isEmpty()) {
            // older files sometimes leave DESCRIPTION out: read the addresses and CONNECT_DATA where they are
            descriptions.add(new Node("DESCRIPTION", "", top, line));
        }
        List<Node> addresses = new ArrayList<>();
        for (Node d : descriptions) {
            collectAddresses(d, addresses);
        }
        Node first = addresses.stream().filter(a -> {
            String protocol = a.valueOf("PROTOCOL").toUpperCase(Locale.ROOT);
            return (protocol.equals("TCP") || protocol.equals("TCPS")) && !a.valueOf("HOST").isEmpty();
        }).findFirst().orElse(null);
        if (first == null) {
            throw new Malformed(line, addresses.isEmpty() ? "tns.problem.noAddress" : "tns.problem.noTcp");
        }
        String portText = first.valueOf("PORT");
        int port;
        if (portText.isEmpty()) {
            port = TnsParser.DEFAULT_PORT;
        } else {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new Malformed(first.line(), "tns.problem.badPort", portText);
            }
        }
        Node connect = null;
        for (Node d : descriptions) {
            List<Node> data = d.all("CONNECT_DATA");
            if (!data.isEmpty()) {
                connect = data.getFirst();
                break;
            }
        }
        String service = connect == null ? "" : connect.valueOf("SERVICE_NAME");
        String sid = connect == null ? "" : connect.valueOf("SID");
        if (service.isEmpty() && sid.isEmpty()) {
            throw new Malformed(line, "tns.problem.noService");
        }
        return new TnsEntry(alias, file, line, first.valueOf("HOST"), port,
                first.valueOf("PROTOCOL").equalsIgnoreCase("TCPS"), service, sid,
                connect.valueOf("INSTANCE_NAME"), addresses.size());
    }

    private static void collectAddresses(Node n, List<Node> into) {
        for (Node c : n.children()) {
            if (c.key().equals("ADDRESS")) {
                into.add(c);
            } else if (c.key().equals("ADDRESS_LIST")) {
                collectAddresses(c, into);
            }
        }
    }
}
