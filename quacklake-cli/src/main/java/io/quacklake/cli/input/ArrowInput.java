package io.quacklake.cli.input;

import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Arrow IPC, as a file ({@code ARROW1} magic) or a stream. Batches pass through as they are: the
 * transaction aligns columns by name and widens narrower integer and floating types.
 */
final class ArrowInput {
  private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private ArrowInput() {}

  static void read(
      Path file,
      List<LakeColumn> columns,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file);
        ArrowReader reader =
            isFile(channel)
                ? new ArrowFileReader(channel, allocator)
                : new ArrowStreamReader(Channels.newInputStream(channel), allocator)) {
      List<String> names =
          reader.getVectorSchemaRoot().getSchema().getFields().stream()
              .map(Field::getName)
              .toList();
      HeaderMatch.of(file.getFileName().toString(), names, columns, false);
      while (reader.loadNextBatch()) {
        sink.accept(reader.getVectorSchemaRoot());
      }
    }
  }

  private static boolean isFile(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(FILE_MAGIC.length);
    channel.read(head, 0);
    return java.util.Arrays.equals(head.array(), FILE_MAGIC);
  }
}
