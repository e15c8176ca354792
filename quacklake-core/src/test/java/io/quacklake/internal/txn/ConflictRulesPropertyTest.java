package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the conflict rules over seeded random change sets; the seed names each case. */
class ConflictRulesPropertyTest {
  private static final List<Long> MINE = List.of(1L, 2L, 3L);
  private static final List<Long> OTHERS = List.of(4L, 5L, 6L);
  private static final List<Long> SHARED = List.of(1L, 2L);

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  private static Optional<Conflict> check(
      TransactionChanges mine, List<CommittedChanges> others, Map<Long, Long> files) {
    return ConflictRules.check(mine, others, ConcurrentFileDeletes.of(files));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void changesTouchingNothingInCommonNeverConflict(long seed) {
    Random random = new Random(seed);
    TransactionChanges mine = new RandomChanges(random, MINE).commit();
    RandomChanges others = new RandomChanges(random, OTHERS);
    List<CommittedChanges> snapshots = others.snapshots(10);

    assertThat(check(mine, snapshots, others.deletedFiles(snapshots)))
        .as("seed %d: %s vs %s", seed, mine.changes(), snapshots)
        .isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aDropOfTheTableConflictsWithEveryChangeToIt(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, SHARED);
    TransactionChanges mine = gen.dataCommit();
    long table = mine.changes().ids(mine.changes().changes().get(0).kind()).first();
    List<CommittedChanges> snapshots = new ArrayList<>(gen.snapshots(10));
    snapshots.add(
        new CommittedChanges(20, ChangesMade.of(Change.of(ChangeKind.DROPPED_TABLE, table))));

    assertThat(check(mine, snapshots, gen.deletedFiles(snapshots)))
        .as("seed %d: %s vs %s", seed, mine.changes(), snapshots)
        .isPresent();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingConcurrentChangesNeverRemovesAConflict(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, SHARED);
    TransactionChanges mine = gen.commit();
    List<CommittedChanges> snapshots = gen.snapshots(10);
    Map<Long, Long> files = gen.deletedFiles(snapshots);
    boolean before = check(mine, snapshots, files).isPresent();

    List<CommittedChanges> more = new ArrayList<>(snapshots);
    List<CommittedChanges> extra = gen.snapshots(20);
    more.addAll(extra);
    Map<Long, Long> moreFiles = new HashMap<>(gen.deletedFiles(extra));
    moreFiles.putAll(files);

    if (before) {
      assertThat(check(mine, more, moreFiles))
          .as("seed %d: %s vs %s", seed, mine.changes(), more)
          .isPresent();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dataChangesConflictSymmetrically(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, SHARED);
    TransactionChanges a = gen.dataCommit();
    TransactionChanges b = gen.dataCommit();

    boolean aAfterB =
        check(a, List.of(new CommittedChanges(10, b.changes())), RandomChanges.filesOf(b, 10))
            .isPresent();
    boolean bAfterA =
        check(b, List.of(new CommittedChanges(10, a.changes())), RandomChanges.filesOf(a, 10))
            .isPresent();

    assertThat(aAfterB).as("seed %d: %s vs %s", seed, a, b).isEqualTo(bAfterA);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void droppingOrAlteringATableNeverConflictsWithDataChanges(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, SHARED);
    ChangeKind ddl = random.nextBoolean() ? ChangeKind.DROPPED_TABLE : ChangeKind.ALTERED_TABLE;
    TransactionChanges mine = TransactionChanges.of(ChangesMade.of(Change.of(ddl, gen.pick())));
    TransactionChanges theirs = gen.dataCommit();

    assertThat(check(mine, List.of(new CommittedChanges(10, theirs.changes())), Map.of()))
        .as("seed %d: %s vs %s", seed, mine.changes(), theirs.changes())
        .isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOrderOfConcurrentSnapshotsDoesNotMatter(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, SHARED);
    TransactionChanges mine = gen.commit();
    List<CommittedChanges> snapshots = new ArrayList<>(gen.snapshots(10));
    Map<Long, Long> files = gen.deletedFiles(snapshots);
    Optional<Conflict> expected = check(mine, snapshots, files);

    Collections.shuffle(snapshots, random);

    assertThat(check(mine, snapshots, files)).as("seed %d", seed).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomChangeSetsRoundTripThroughText(long seed) {
    Random random = new Random(seed);
    RandomChanges gen = new RandomChanges(random, List.of(0L, 7L, Long.MAX_VALUE));
    List<Change> changes = new ArrayList<>();
    for (int i = random.nextInt(8); i >= 0; i--) {
      changes.add(gen.anyChange());
    }
    ChangesMade set = ChangesMade.of(changes);

    assertThat(ChangesMade.parse(set.toText())).as("seed %d: %s", seed, set).isEqualTo(set);
    assertThat(ChangesMade.parse(set.toText()).toText()).isEqualTo(set.toText());
  }
}
