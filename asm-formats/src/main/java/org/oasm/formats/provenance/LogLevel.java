package org.oasm.formats.provenance;

/** The importance of a record, as the logging_base schema spells it. */
public enum LogLevel {
    Trace, Debug, Info, Warn, Error, Critical
}
