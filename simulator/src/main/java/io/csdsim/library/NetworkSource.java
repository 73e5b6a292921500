package io.csdsim.library;

/**
 * One way a network comes in — a csdsim model file, a network file, a NIR graph, a SANA-FE SNN — told
 * apart by the file's content, never its name. Each format is one implementation and one entry of
 * {@link NetworkSources#ALL}; the readers themselves live with their formats ({@code models}).
 */
public interface NetworkSource
{
    /** @return the format's name, as messages and reports give it. */
    String format();

    /** @return whether the file holds this format. */
    boolean recognises(FileHead head);
}
