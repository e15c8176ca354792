package io.quacklake.cli;

import io.quacklake.MaintenanceProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress line on stderr per maintenance step (files done of the planned total, rate, ETA),
 * shown only when {@link Progress#wanted} allows it, and cleared when the step ends, before the
 * command prints its result; nothing on stdout changes.
 */
final class MaintenanceProgressLine implements MaintenanceProgress, AutoCloseable {
  private final boolean show;
  private ProgressBar bar;
  private String step;

  MaintenanceProgressLine(boolean show) {
    this.show = show;
  }

  @Override
  public void update(String step, long done, long total) {
    if (!show) {
      return;
    }
    if (!step.equals(this.step)) {
      close();
      this.step = step;
      bar =
          new ProgressBarBuilder()
              .setTaskName(step)
              .setInitialMax(total)
              .setUnit(step.startsWith("flushing") ? " tables" : " files", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
              .clearDisplayOnFinish()
              .build();
    }
    bar.stepTo(done);
    if (done >= total) {
      close();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
      step = null;
    }
  }
}
