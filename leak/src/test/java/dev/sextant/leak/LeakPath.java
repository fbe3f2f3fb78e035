package dev.sextant.leak;

/**
 * One way content leaves Sextant for a reader: search hits, explain scores, an answer, a chat reply... A new
 * path (Slack, an OpenAI-compatible API) joins the suite as one class implementing this.
 */
interface LeakPath {

    /** Names the path in the report. */
    String name();

    /** Asks the path the probe's question as the reader, and returns everything that came out. */
    Exposure ask(Reader reader, Probe probe) throws Exception;
}
