package io.quacklake.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** Writes scan batches as an Arrow IPC stream. */
final class ArrowOutput {
  private ArrowOutput() {}

  static void write(LimitedBatches batches, OutputStream out) throws IOException {
    try (ArrowStreamWriter writer =
        new ArrowStreamWriter(batches.root(), null, Channels.newChannel(out))) {
      writer.start();
      while (batches.next()) {
        writer.writeBatch();
      }
      writer.end();
    }
    out.flush();
  }
}
