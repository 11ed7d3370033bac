package io.vigil.target.demo;

/** Trouble the demo Oracle writes to its alert log now and then, or at once through {@link DemoOracle#inject}. */
public enum DemoIncident {
    /** An ORA-00600 with its trace file and incident lines. */
    INTERNAL_ERROR,
    /** A corrupt block: ORA-01578 with the ORA-01110 naming the data file. */
    BLOCK_CORRUPTION,
    /** An ORA-00060 deadlock after its "Errors in file" line. */
    DEADLOCK,
    /** The archiver cannot write: ORA-19809 and ORA-19804, the recovery area is full. */
    ARCHIVER_STUCK,
    /** The ORA-19815 warning that the recovery area is filling up. */
    RECOVERY_AREA_WARNING
}
