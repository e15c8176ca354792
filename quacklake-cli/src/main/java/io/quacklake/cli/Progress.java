package io.quacklake.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress line on stderr for long work (rows so far, rate, elapsed time), shown only when the
 * CLI runs on a terminal and {@code --quiet} is not given; nothing on stdout changes.
 */
final class Progress implements AutoCloseable {
  private static final Progress NONE = new Progress(null);

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Whether progress can be shown: a terminal, a capable one, and not silenced. */
  static boolean wanted(boolean quiet) {
    String term = System.getenv("TERM");
    return !quiet && Terminal.isTerminal() && term != null && !term.equals("dumb");
  }

  /** A progress line for {@code task} counted in {@code unit}, or one that shows nothing. */
  static Progress start(String task, String unit, boolean show) {
    if (!show) {
      return NONE;
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(-1)
            .setUnit(" " + unit, 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
            .clearDisplayOnFinish()
            .build();
    return new Progress(bar);
  }

  /** Counts {@code n} more units. */
  void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
