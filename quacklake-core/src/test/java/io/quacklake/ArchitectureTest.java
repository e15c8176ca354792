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
 * parquet-java stays behind {@code io.quacklake.internal.parquet}; the CLI and the S3 and Azure
 * stores use the public API only; and each package keeps to the "must not depend on" column of
 * {@code docs/architecture.md} ({@link #RULES}). Each rule was seen failing once by breaking it on
 * purpose (for {@link #RULES}: {@code import io.quacklake.internal.catalog.SqlDialect;} added to
 * {@code internal/write/BatchAligner.java} was reported as that file importing it, but {@code
 * io.quacklake.internal.write} must not depend on {@code io.quacklake.internal.catalog}).
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

  private static final String CATALOG = INTERNAL + ".catalog";
  private static final String PARQUET = INTERNAL + ".parquet";
  private static final String PARQUET_JAVA = "org.apache.parquet";
  private static final List<String> CATALOG_AND_PARQUET = List.of(CATALOG, PARQUET, PARQUET_JAVA);

  /**
   * The "must not depend on" column of the package table in {@code docs/architecture.md}, one row
   * per package; keep the two in step.
   */
  static final List<DependencyRule> RULES =
      List.of(
          new DependencyRule("io.quacklake.exceptions", List.of("io.quacklake"), List.of()),
          new DependencyRule("io.quacklake.expr", CATALOG_AND_PARQUET, List.of()),
          new DependencyRule("io.quacklake.types", CATALOG_AND_PARQUET, List.of()),
          new DependencyRule(
              "io.quacklake.storage", List.of("io.quacklake"), List.of("io.quacklake.exceptions")),
          new DependencyRule(INTERNAL + ".expr", CATALOG_AND_PARQUET, List.of()),
          new DependencyRule(INTERNAL + ".types", CATALOG_AND_PARQUET, List.of()),
          new DependencyRule(INTERNAL + ".text", CATALOG_AND_PARQUET, List.of()),
          new DependencyRule(
              CATALOG, List.of(PARQUET, PARQUET_JAVA, "org.apache.arrow.vector"), List.of()),
          new DependencyRule(CATALOG + ".versioned", List.of(CATALOG), List.of()),
          new DependencyRule(INTERNAL + ".deletes", List.of(CATALOG), List.of()),
          new DependencyRule(INTERNAL + ".scan", List.of(PARQUET_JAVA), List.of()),
          new DependencyRule(INTERNAL + ".write", List.of(CATALOG), List.of(CATALOG + ".UuidV7")),
          new DependencyRule(
              INTERNAL + ".txn", List.of(PARQUET_JAVA, PARQUET + ".ParquetBatchReader"), List.of()),
          new DependencyRule(INTERNAL + ".maintenance", List.of(PARQUET_JAVA), List.of()),
          new DependencyRule(PARQUET, List.of(CATALOG), List.of()),
          new DependencyRule(
              INTERNAL + ".storage",
              List.of("io.quacklake"),
              List.of("io.quacklake.storage", "io.quacklake.exceptions")));

  /**
   * Main sources in {@code pkg} or below import nothing in or below a {@code forbidden} prefix,
   * except what is in or below {@code allowed} or {@code pkg} itself. Prefixes are package or type
   * names and match whole name segments.
   */
  record DependencyRule(String pkg, List<String> forbidden, List<String> allowed) {
    boolean covers(String pkgOfFile) {
      return under(pkgOfFile, pkg);
    }

    /** The forbidden prefix an import falls under, or null if the import is allowed. */
    String violatedBy(String imported) {
      if (under(imported, pkg) || allowed.stream().anyMatch(a -> under(imported, a))) {
        return null;
      }
      return forbidden.stream().filter(f -> under(imported, f)).findFirst().orElse(null);
    }

    private static boolean under(String name, String prefix) {
      return name.equals(prefix) || name.startsWith(prefix + ".");
    }
  }

  private static final Path CORE_MAIN = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z0-9_.]+);");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?([A-Za-z0-9_.*]+);");
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
  void everyPackageKeepsToItsDocumentedDependencies() {
    List<String> violations = new ArrayList<>();
    for (Path f : javaFiles(CORE_MAIN)) {
      String pkg = packageOf(f);
      for (DependencyRule rule : RULES) {
        if (!rule.covers(pkg)) {
          continue;
        }
        Matcher m = IMPORT.matcher(read(f));
        while (m.find()) {
          String forbidden = rule.violatedBy(m.group(1));
          if (forbidden != null) {
            violations.add(
                "%s imports %s, but %s must not depend on %s"
                    .formatted(CORE_MAIN.relativize(f), m.group(1), rule.pkg(), forbidden));
          }
        }
      }
    }
    assertThat(violations).as("imports against docs/architecture.md's package table").isEmpty();
  }

  @Test
  void everyDependencyRuleNamesAPackageThatExists() {
    Set<String> packages = new TreeSet<>();
    for (Path f : javaFiles(CORE_MAIN)) {
      packages.add(packageOf(f));
    }
    assertThat(RULES)
        .allSatisfy(r -> assertThat(packages).as("packages under %s", r.pkg()).anyMatch(r::covers));
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
  void cliStoresAndSparkUseThePublicApiOnly() {
    Path root = Path.of(System.getProperty("quacklake.repo.root", ".."));
    for (String module :
        List.of(
            "quacklake-cli",
            "quacklake-s3",
            "quacklake-azure",
            "quacklake-gcs",
            "quacklake-spark",
            "quacklake-flight")) {
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
