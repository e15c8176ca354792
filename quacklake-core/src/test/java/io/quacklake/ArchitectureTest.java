package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of decision 0012, checked on the sources and classes: the published API is the
 * public types of the public packages, recorded type by type and member by member in {@code
 * api/quacklake-core.api} ({@link PublicApiTest}); it never hands out an implementation type;
 * parquet-java stays behind {@code io.quacklake.internal.parquet}; the CLI and the S3 store use the
 * public API only. Each rule was seen failing once by breaking it on purpose.
 */
class ArchitectureTest {
  /** The packages whose public types are the published API. */
  static final Set<String> PUBLIC_PACKAGES =
      Set.of(
          "io.quacklake",
          "io.quacklake.exceptions",
          "io.quacklake.expr",
          "io.quacklake.storage",
          "io.quacklake.types");

  static final String INTERNAL = "io.quacklake.internal";

  private static final Path CORE_MAIN = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z0-9_.]+);");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public (?:(?:abstract|final|sealed|non-sealed|static|strictfp) )*"
              + "(?:class|interface|record|enum|@interface) ([A-Za-z0-9_]+)");

  @Test
  void everyPackageIsPublicOrInternal() {
    Set<String> others = new TreeSet<>();
    for (Path f : javaFiles(CORE_MAIN)) {
      String pkg = packageOf(f);
      if (!PUBLIC_PACKAGES.contains(pkg) && !pkg.startsWith(INTERNAL + ".")) {
        others.add(pkg);
      }
    }
    assertThat(others)
        .as("packages neither public (decision 0012) nor under %s", INTERNAL)
        .isEmpty();
  }

  @Test
  void publishedSignaturesNeverMentionInternalTypes() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String name : publishedTypes()) {
      collectLeaks(Class.forName(name), leaks);
    }
    assertThat(leaks).as("public members of published types that use %s types", INTERNAL).isEmpty();
  }

  @Test
  void onlyTheParquetPackageImportsParquetJava() {
    Path own = CORE_MAIN.resolve("io/quacklake/internal/parquet");
    assertThat(importers(CORE_MAIN, "org.apache.parquet").stream().filter(p -> !p.startsWith(own)))
        .as("main sources outside %s importing parquet-java", own)
        .isEmpty();
  }

  @Test
  void cliAndS3UseThePublicApiOnly() {
    Path root = Path.of(System.getProperty("quacklake.repo.root", ".."));
    for (String module : List.of("quacklake-cli", "quacklake-s3")) {
      Path main = root.resolve(module).resolve("src/main/java");
      assertThat(main).isDirectory();
      assertThat(importers(main, INTERNAL))
          .as("%s main sources importing the implementation (%s)", module, INTERNAL)
          .isEmpty();
    }
  }

  private static void collectLeaks(Class<?> type, List<String> leaks) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
    for (Type t : type.getGenericInterfaces()) {
      check(type.getName() + " implements", t, leaks);
    }
    for (Class<?> p :
        type.getPermittedSubclasses() == null ? new Class<?>[0] : type.getPermittedSubclasses()) {
      check(type.getName() + " permits", p, leaks);
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        check(type.getName() + "." + c.getName(), c.getGenericType(), leaks);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (exposed(f.getModifiers(), type)) {
        check(type.getName() + "." + f.getName(), f.getGenericType(), leaks);
      }
    }
    List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      members.add(c);
    }
    for (Executable m : members) {
      if (!exposed(m.getModifiers(), type) || m.isSynthetic()) {
        continue;
      }
      String where = type.getName() + "." + m.getName();
      if (m instanceof Method method) {
        check(where + " returns", method.getGenericReturnType(), leaks);
      }
      for (Type p : m.getGenericParameterTypes()) {
        check(where + " takes", p, leaks);
      }
      for (Type e : m.getGenericExceptionTypes()) {
        check(where + " throws", e, leaks);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (exposed(nested.getModifiers(), type)) {
        collectLeaks(nested, leaks);
      }
    }
  }

  private static boolean exposed(int modifiers, Class<?> owner) {
    return Modifier.isPublic(modifiers)
        || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
  }

  private static void check(String where, Type type, List<String> leaks) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> base = c;
      while (base.isArray()) {
        base = base.getComponentType();
      }
      if (base.getName().startsWith(INTERNAL + ".")) {
        leaks.add(where + " " + base.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks);
      }
    } else if (type instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), leaks);
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, leaks);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, leaks);
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        check(where, b, leaks);
      }
    }
  }

  private static List<Path> importers(Path sources, String prefix) {
    List<Path> out = new ArrayList<>();
    for (Path f : javaFiles(sources)) {
      String text = read(f);
      if (text.contains("import " + prefix + ".")
          || text.contains("import static " + prefix + ".")
          || Pattern.compile("(?<![\\w.])" + Pattern.quote(prefix) + "\\.[a-z]")
              .matcher(strip(text))
              .find()) {
        out.add(f);
      }
    }
    return out;
  }

  /** Source without comments, so a Javadoc mention of a package is no dependency. */
  private static String strip(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String packageOf(Path file) {
    Matcher m = PACKAGE.matcher(read(file));
    return m.find() ? m.group(1) : "";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The published types: those the API listing of {@link PublicApiTest} records. */
  private static Set<String> publishedTypes() throws Exception {
    Path classes = Path.of(Lake.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ApiListing.ofPackages(classes, List.copyOf(new TreeSet<>(PUBLIC_PACKAGES))).keySet();
  }
}
