package io.quacklake.gcs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A small in-memory server for the part of GCS's JSON API the store uses, on 127.0.0.1, written
 * from the public API reference: object metadata, media downloads with {@code Range}, listings by
 * prefix, deletes, multipart and resumable uploads, and {@code ifGenerationMatch} checked
 * atomically with the write. It lets the real client run every call over HTTP; it proves the
 * requests and the mapping of answers, not how Google's servers behave. Every request is logged.
 */
final class GcsFakeServer implements AutoCloseable {
  /** A request as the server saw it. */
  record Request(
      String method, String path, Map<String, String> query, String range, String contentRange) {}

  private record StoredObject(byte[] data, long generation, Instant updated) {}

  private record Session(
      String bucket, String name, Long ifGenerationMatch, ByteArrayOutputStream data) {}

  static final String MISSING_BUCKET = "no-such-bucket";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(20);
  private final Map<String, StoredObject> objects = new TreeMap<>();
  private final Map<String, Session> sessions = new HashMap<>();
  private final List<Request> log = new ArrayList<>();
  private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
  private volatile int deny;
  private volatile int failNextCreateAfterStoring;

  GcsFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Settings that reach this server without credentials. */
  GcsSettings settings() {
    return new GcsSettings(endpoint(), "quacklake-test", null, true);
  }

  /** Answers every request with {@code status} (401, 403) until reset with 0. */
  void denyAll(int status) {
    deny = status;
  }

  /** Stores the next multipart upload, then answers it with {@code status} (an ambiguous reply). */
  void failNextCreateAfterStoring(int status) {
    failNextCreateAfterStoring = status;
  }

  synchronized List<Request> requests() {
    return List.copyOf(log);
  }

  synchronized void clearLog() {
    log.clear();
  }

  synchronized byte[] content(String bucket, String name) {
    StoredObject o = objects.get(bucket + "/" + name);
    return o == null ? null : o.data();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String raw = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      synchronized (this) {
        log.add(
            new Request(
                ex.getRequestMethod(),
                raw,
                query,
                ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().getFirst("Content-Range")));
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      if ("gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
      }
      if (deny != 0) {
        error(ex, deny, deny == 401 ? "authError" : "forbidden", "denied by the test");
        return;
      }
      String path = raw.startsWith("/download/") ? raw.substring("/download".length()) : raw;
      Matcher m = Pattern.compile("/(upload/)?storage/v1/b/([^/]+)/o(?:/(.+))?").matcher(path);
      if (!m.matches()) {
        error(ex, 501, "notImplemented", ex.getRequestMethod() + " " + raw);
        return;
      }
      String bucket = decode(m.group(2));
      String name = m.group(3) == null ? null : decode(m.group(3));
      if (bucket.equals(MISSING_BUCKET)) {
        error(ex, 404, "notFound", "The specified bucket does not exist.");
        return;
      }
      String method = ex.getRequestMethod();
      if (m.group(1) != null && method.equals("POST")) {
        upload(ex, bucket, query, body);
      } else if (m.group(1) != null && method.equals("PUT")) {
        resume(ex, query.get("upload_id"), ex.getRequestHeaders().getFirst("Content-Range"), body);
      } else if (name == null && method.equals("GET")) {
        list(ex, bucket, query.getOrDefault("prefix", ""));
      } else if (method.equals("GET")) {
        get(ex, bucket, name, "media".equals(query.get("alt")));
      } else if (method.equals("DELETE")) {
        delete(ex, bucket, name);
      } else {
        error(ex, 501, "notImplemented", method + " " + raw);
      }
    } catch (IOException | RuntimeException e) {
      e.printStackTrace();
      throw e;
    } finally {
      ex.close();
    }
  }

  private void upload(HttpExchange ex, String bucket, Map<String, String> query, byte[] body)
      throws IOException {
    Long precondition =
        query.containsKey("ifGenerationMatch")
            ? Long.valueOf(query.get("ifGenerationMatch"))
            : null;
    String type = query.get("uploadType");
    if ("resumable".equals(type)) {
      String name = query.containsKey("name") ? query.get("name") : jsonName(body);
      String id = UUID.randomUUID().toString();
      synchronized (this) {
        sessions.put(id, new Session(bucket, name, precondition, new ByteArrayOutputStream()));
      }
      String location =
          endpoint() + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id;
      ex.getResponseHeaders().set("Location", location);
      ex.sendResponseHeaders(200, -1);
      return;
    }
    if (!"multipart".equals(type)) {
      error(ex, 501, "notImplemented", "uploadType " + type);
      return;
    }
    byte[][] parts = multipart(ex.getRequestHeaders().getFirst("Content-Type"), body);
    String name = query.containsKey("name") ? query.get("name") : jsonName(parts[0]);
    StoredObject stored = store(ex, bucket, name, precondition, parts[1]);
    if (stored == null) {
      return;
    }
    int fail = failNextCreateAfterStoring;
    if (fail != 0) {
      failNextCreateAfterStoring = 0;
      error(ex, fail, "backendError", "injected after storing");
      return;
    }
    json(ex, 200, metadata(bucket, name, stored));
  }

  private void resume(HttpExchange ex, String id, String contentRange, byte[] body)
      throws IOException {
    Session s;
    synchronized (this) {
      s = sessions.get(id);
    }
    if (s == null) {
      error(ex, 404, "notFound", "no upload session " + id);
      return;
    }
    Matcher m = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)").matcher(contentRange);
    if (!m.matches()) {
      error(ex, 400, "invalid", "Content-Range " + contentRange);
      return;
    }
    synchronized (s) {
      if (m.group(2) != null) {
        if (Long.parseLong(m.group(2)) != s.data().size()
            || Long.parseLong(m.group(3)) - Long.parseLong(m.group(2)) + 1 != body.length) {
          error(ex, 400, "invalid", "Content-Range " + contentRange + " at " + s.data().size());
          return;
        }
        s.data().write(body);
      }
      if (m.group(4).equals("*")) {
        if (s.data().size() > 0) {
          ex.getResponseHeaders().set("Range", "bytes=0-" + (s.data().size() - 1));
        }
        ex.sendResponseHeaders(308, -1);
        return;
      }
    }
    synchronized (this) {
      sessions.remove(id);
    }
    StoredObject stored =
        store(ex, s.bucket(), s.name(), s.ifGenerationMatch(), s.data().toByteArray());
    if (stored != null) {
      json(ex, 200, metadata(s.bucket(), s.name(), stored));
    }
  }

  /** Stores an object if the precondition holds, else answers 412 and returns null. */
  private StoredObject store(
      HttpExchange ex, String bucket, String name, Long precondition, byte[] data)
      throws IOException {
    StoredObject stored;
    synchronized (this) {
      StoredObject current = objects.get(bucket + "/" + name);
      long generation = current == null ? 0 : current.generation();
      if (precondition != null && precondition != generation) {
        stored = null;
      } else {
        stored = new StoredObject(data, generations.incrementAndGet(), Instant.now());
        objects.put(bucket + "/" + name, stored);
      }
    }
    if (stored == null) {
      error(
          ex,
          412,
          "conditionNotMet",
          "At least one of the pre-conditions you specified did not hold.");
    }
    return stored;
  }

  private void get(HttpExchange ex, String bucket, String name, boolean media) throws IOException {
    StoredObject o;
    synchronized (this) {
      o = objects.get(bucket + "/" + name);
    }
    if (o == null) {
      error(ex, 404, "notFound", "No such object: " + bucket + "/" + name);
      return;
    }
    if (!media) {
      json(ex, 200, metadata(bucket, name, o));
      return;
    }
    ex.getResponseHeaders().set("x-goog-generation", String.valueOf(o.generation()));
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    String range = ex.getRequestHeaders().getFirst("Range");
    byte[] data = o.data();
    if (range == null) {
      send(ex, 200, data);
      return;
    }
    Matcher m = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
    if (!m.matches() || Long.parseLong(m.group(1)) >= data.length) {
      error(ex, 416, "requestedRangeNotSatisfiable", "Range " + range);
      return;
    }
    int start = Integer.parseInt(m.group(1));
    int end =
        m.group(2).isEmpty()
            ? data.length - 1
            : Math.min(data.length - 1, Integer.parseInt(m.group(2)));
    ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + data.length);
    send(ex, 206, Arrays.copyOfRange(data, start, end + 1));
  }

  private void list(HttpExchange ex, String bucket, String prefix) throws IOException {
    StringBuilder items = new StringBuilder();
    synchronized (this) {
      for (Map.Entry<String, StoredObject> e : objects.entrySet()) {
        String key = e.getKey();
        if (key.startsWith(bucket + "/") && key.startsWith(bucket + "/" + prefix)) {
          String name = key.substring(bucket.length() + 1);
          items.append(items.length() == 0 ? "" : ",").append(metadata(bucket, name, e.getValue()));
        }
      }
    }
    json(ex, 200, "{\"kind\":\"storage#objects\",\"items\":[" + items + "]}");
  }

  private void delete(HttpExchange ex, String bucket, String name) throws IOException {
    StoredObject removed;
    synchronized (this) {
      removed = objects.remove(bucket + "/" + name);
    }
    if (removed == null) {
      error(ex, 404, "notFound", "No such object: " + bucket + "/" + name);
    } else {
      ex.sendResponseHeaders(204, -1);
    }
  }

  private static String metadata(String bucket, String name, StoredObject o) {
    return "{\"kind\":\"storage#object\",\"id\":"
        + quote(bucket + "/" + name + "/" + o.generation())
        + ",\"name\":"
        + quote(name)
        + ",\"bucket\":"
        + quote(bucket)
        + ",\"generation\":\""
        + o.generation()
        + "\",\"metageneration\":\"1\",\"size\":\""
        + o.data().length
        + "\",\"contentType\":\"application/octet-stream\",\"timeCreated\":\""
        + o.updated()
        + "\",\"updated\":\""
        + o.updated()
        + "\"}";
  }

  private static void error(HttpExchange ex, int status, String reason, String message)
      throws IOException {
    json(
        ex,
        status,
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":"
            + quote(message)
            + ",\"errors\":[{\"message\":"
            + quote(message)
            + ",\"domain\":\"global\",\"reason\":\""
            + reason
            + "\"}]}}");
  }

  private static void json(HttpExchange ex, int status, String json) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    send(ex, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** The metadata part and the media part of a {@code multipart/related} body. */
  private static byte[][] multipart(String contentType, byte[] body) {
    Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!m.find()) {
      throw new IllegalArgumentException("no boundary in " + contentType);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (body.length >= start + 2 && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      int next = indexOf(body, delimiter, start);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start) + 4;
      parts.add(Arrays.copyOfRange(body, headersEnd, next - 2));
      at = next;
    }
    return parts.toArray(new byte[0][]);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String jsonName(byte[] json) {
    Matcher m =
        Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(new String(json, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalArgumentException("no name in " + new String(json, StandardCharsets.UTF_8));
    }
    StringBuilder out = new StringBuilder();
    String s = m.group(1);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
      } else if (s.charAt(++i) == 'u') {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        char e = s.charAt(i);
        out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
      }
    }
    return out.toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new TreeMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Percent-decoding of a path segment, where {@code +} is a plus. */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
