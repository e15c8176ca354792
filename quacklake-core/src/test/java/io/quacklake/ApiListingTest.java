package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApiListingTest {
  /** A type with members of every visibility. */
  public abstract static class Sample<T extends Comparable<T>> implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int LIMIT = 3;
    protected String name;
    int hidden;

    public Sample(String name) {
      this.name = name;
    }

    Sample() {}

    public abstract <R> List<R> map(Map<String, T> values, String... keys) throws IOException;

    protected void reset() {}

    void packageOnly() {}

    private void secret() {}
  }

  /** The same as {@link Sample} except for one method's parameter and one added method. */
  public static final class Changed {
    public void reset(int times) {}

    public void added() {}
  }

  @Test
  void listsTheDeclarationAndThePublicAndProtectedMembersSorted() {
    assertThat(ApiListing.describe(Sample.class))
        .containsExactly(
            "public abstract static class io.quacklake.ApiListingTest$Sample<T extends"
                + " java.lang.Comparable<T>> implements java.io.Serializable",
            "protected java.lang.String name",
            "protected void reset()",
            "public abstract <R> java.util.List<R> map(java.util.Map<java.lang.String, T>,"
                + " java.lang.String...) throws java.io.IOException",
            "public io.quacklake.ApiListingTest$Sample(java.lang.String)",
            "public static final int LIMIT");
  }

  @Test
  void typesAreApiOnlyWhenTheyAndTheirEnclosingTypesArePublicOrProtected() {
    assertThat(ApiListing.isApi(Lake.class)).isTrue();
    assertThat(ApiListing.isApi(Map.Entry.class)).isTrue();
    assertThat(ApiListing.isApi(Sample.class)).as("inside a package-private class").isFalse();
    assertThat(ApiListing.isApi(new Object() {}.getClass())).isFalse();
  }

  @Test
  void renderedTextParsesBackToTheSameListing() {
    SortedMap<String, List<String>> listing = listing("a.B", ApiListing.describe(Sample.class));
    listing.put("a.C", ApiListing.describe(Changed.class));

    String text = "# comment\n" + ApiListing.render(listing);

    assertThat(ApiListing.parse(text.lines().toList())).isEqualTo(listing);
    assertThat(ApiListing.diff(listing, ApiListing.parse(text.lines().toList()))).isEmpty();
  }

  @Test
  void diffNamesRemovedAddedAndChangedLinesPerType() {
    SortedMap<String, List<String>> before =
        listing("a.Kept", List.of("public class a.Kept", "public void reset()"));
    before.put("a.Gone", List.of("public class a.Gone"));
    SortedMap<String, List<String>> after =
        listing("a.Kept", List.of("public class a.Kept", "public void reset(int)"));
    after.put("a.New", List.of("public interface a.New"));

    assertThat(ApiListing.diff(before, after))
        .containsExactly(
            "- a.Gone",
            "-   public class a.Gone",
            "  a.Kept",
            "-   public void reset()",
            "+   public void reset(int)",
            "+ a.New",
            "+   public interface a.New");
  }

  private static SortedMap<String, List<String>> listing(String name, List<String> lines) {
    SortedMap<String, List<String>> out = new TreeMap<>();
    out.put(name, lines);
    return out;
  }
}
