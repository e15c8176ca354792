package io.quacklake;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The signatures a library's users compile against: for every public or protected type of some
 * packages, its declaration and its public and protected constructors, methods and fields, as text
 * lines. Keyed and sorted by binary type name; within a type the declaration comes first and the
 * members follow sorted, so two listings of the same API are equal text.
 */
final class ApiListing {
  private static final int MEMBER_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT;

  private ApiListing() {}

  /**
   * Lists the types of the given packages found as class files directly in their directories under
   * {@code classes}; packages without a directory are skipped.
   */
  static SortedMap<String, List<String>> ofPackages(Path classes, List<String> packages)
      throws IOException {
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (String pkg : packages) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".class") && !name.equals("package-info.class")) {
            Class<?> type = load(pkg + "." + name.substring(0, name.length() - ".class".length()));
            if (isApi(type)) {
              out.put(type.getName(), describe(type));
            }
          }
        }
      }
    }
    return out;
  }

  /** Whether code outside the package can name the type: it and all its enclosing types are. */
  static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if ((t.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The declaration line of the type, then its public and protected members, sorted. */
  static List<String> describe(Class<?> type) {
    List<String> members = new ArrayList<>();
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers()) && !c.isSynthetic()) {
        members.add(executable(c, "", type.getName()));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        String generic = typeParameters(m.getTypeParameters());
        String prefix =
            (m.isDefault() ? "default " : "") + (generic.isEmpty() ? "" : generic + " ");
        members.add(
            executable(m, prefix, m.getGenericReturnType().getTypeName() + " " + m.getName()));
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        members.add(
            modifiers(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName());
      }
    }
    members.sort(null);
    List<String> lines = new ArrayList<>();
    lines.add(declaration(type));
    lines.addAll(members);
    return lines;
  }

  /** The listing as text: each type's name, then its lines indented by two spaces. */
  static String render(Map<String, List<String>> listing) {
    StringBuilder out = new StringBuilder();
    listing.forEach(
        (name, lines) -> {
          out.append(name).append('\n');
          lines.forEach(line -> out.append("  ").append(line).append('\n'));
        });
    return out.toString();
  }

  /** Reads text written by {@link #render}; lines starting with {@code #} are comments. */
  static SortedMap<String, List<String>> parse(List<String> text) {
    SortedMap<String, List<String>> out = new TreeMap<>();
    List<String> current = null;
    for (String line : text) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("  ")) {
        if (current == null) {
          throw new IllegalArgumentException("member line before any type: " + line);
        }
        current.add(line.substring(2));
      } else {
        current = new ArrayList<>();
        out.put(line, current);
      }
    }
    return out;
  }

  /**
   * The lines that differ between two listings, type by type: {@code -} for a line only in {@code
   * before}, {@code +} for one only in {@code after}; empty when the listings are equal.
   */
  static List<String> diff(
      SortedMap<String, List<String>> before, SortedMap<String, List<String>> after) {
    SortedMap<String, Boolean> names = new TreeMap<>();
    before.keySet().forEach(n -> names.put(n, true));
    after.keySet().forEach(n -> names.put(n, true));
    List<String> out = new ArrayList<>();
    for (String name : names.keySet()) {
      List<String> old = before.getOrDefault(name, List.of());
      List<String> now = after.getOrDefault(name, List.of());
      if (old.equals(now)) {
        continue;
      }
      String mark = old.isEmpty() ? "+ " : now.isEmpty() ? "- " : "  ";
      out.add(mark + name);
      old.stream().filter(l -> !now.contains(l)).forEach(l -> out.add("-   " + l));
      now.stream().filter(l -> !old.contains(l)).forEach(l -> out.add("+   " + l));
    }
    return out;
  }

  private static String declaration(Class<?> type) {
    int mods = type.getModifiers() & MEMBER_MODIFIERS;
    String kind;
    String superclass = "";
    List<Type> supers = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
    String extendsWord = " implements ";
    if (type.isAnnotation()) {
      kind = "@interface";
      mods &= ~Modifier.ABSTRACT;
      supers.clear();
    } else if (type.isInterface()) {
      kind = "interface";
      mods &= ~Modifier.ABSTRACT;
      extendsWord = " extends ";
    } else if (type.isEnum()) {
      kind = "enum";
    } else if (type.isRecord()) {
      kind = "record";
    } else {
      kind = "class";
      Type parent = type.getGenericSuperclass();
      if (parent != Object.class) {
        superclass = " extends " + parent.getTypeName();
      }
    }
    StringBuilder out = new StringBuilder(modifiers(mods));
    if (type.isSealed()) {
      out.append("sealed ");
    }
    out.append(kind).append(' ').append(type.getName());
    out.append(typeParameters(type.getTypeParameters())).append(superclass);
    if (!supers.isEmpty()) {
      out.append(extendsWord).append(names(supers.toArray(Type[]::new)));
    }
    if (type.isSealed()) {
      out.append(" permits ").append(names(type.getPermittedSubclasses()));
    }
    return out.toString();
  }

  private static String executable(Executable e, String prefix, String nameAndType) {
    Type[] params = e.getGenericParameterTypes();
    if (params.length != e.getParameterCount()) {
      // an inner class's constructor: the generic signature leaves out the enclosing instance
      params = e.getParameterTypes();
    }
    List<String> names = Arrays.stream(params).map(Type::getTypeName).collect(Collectors.toList());
    if (e.isVarArgs()) {
      String last = names.get(names.size() - 1);
      names.set(names.size() - 1, last.substring(0, last.length() - 2) + "...");
    }
    String out =
        modifiers(e.getModifiers()) + prefix + nameAndType + "(" + String.join(", ", names) + ")";
    Type[] thrown = e.getGenericExceptionTypes();
    return thrown.length == 0 ? out : out + " throws " + names(thrown);
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (TypeVariable<?> v : variables) {
      Type[] bounds = v.getBounds();
      boolean onlyObject = bounds.length == 1 && bounds[0] == Object.class;
      out.add(
          onlyObject
              ? v.getName()
              : v.getName()
                  + " extends "
                  + Arrays.stream(bounds)
                      .map(Type::getTypeName)
                      .collect(Collectors.joining(" & ")));
    }
    return "<" + String.join(", ", out) + ">";
  }

  private static String names(Type[] types) {
    return Arrays.stream(types).map(Type::getTypeName).sorted().collect(Collectors.joining(", "));
  }

  private static String modifiers(int mods) {
    String text = Modifier.toString(mods & MEMBER_MODIFIERS);
    return text.isEmpty() ? "" : text + " ";
  }

  private static boolean visible(int mods) {
    return (mods & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiListing.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("listed but not loadable: " + name, e);
    }
  }
}
