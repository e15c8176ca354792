package io.quacklake.cli;

/** RFC 4180 lines: fields with a comma, quote or line break are quoted; NULL is empty. */
final class Csv {
  private Csv() {}

  static String line(String[] cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells[i];
      if (c == null) {
        continue;
      }
      if (c.isEmpty()
          || c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
