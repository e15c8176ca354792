package io.quacklake.expr;

import io.quacklake.types.LakeType;
import java.util.Objects;

/**
 * {@code CAST(operand AS type)} (also written {@code operand::type}) as DuckDB converts values: a
 * value that does not convert is an error, or NULL for {@code TRY_CAST} ({@code lenient}).
 */
public record Cast(Expression operand, LakeType type, boolean lenient) implements Expression {
  public Cast {
    Objects.requireNonNull(operand, "operand is null");
    Objects.requireNonNull(type, "type is null");
  }

  @Override
  public String toString() {
    return (lenient ? "TRY_CAST(" : "CAST(")
        + operand
        + " AS "
        + io.quacklake.internal.types.SqlTypeNames.primitive(type)
        + ")";
  }
}
