package io.quacklake.expr;

/** Placeholder until the expression package lands. */
public interface Expression {}
