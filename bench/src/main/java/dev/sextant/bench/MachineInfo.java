package dev.sextant.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a report says about the machine it was measured on. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static void describe(ObjectNode machine) {
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    }
}
