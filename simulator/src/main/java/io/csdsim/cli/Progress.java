package io.csdsim.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for work of more than a few seconds, shown only when a person
 * is watching (a console is attached) so that redirected output and tests stay clean.
 */
final class Progress implements AutoCloseable
{
    private final ProgressBar bar;

    Progress(final String task, final long max)
    {
        bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200)
            .build();
    }

    void step()
    {
        if (bar != null)
        {
            bar.step();
        }
    }

    void stepTo(final long n)
    {
        if (bar != null)
        {
            bar.stepTo(n);
        }
    }

    @Override
    public void close()
    {
        if (bar != null)
        {
            bar.close();
        }
    }
}
