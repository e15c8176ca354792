/**
 * The warm process behind the {@code quacklake} launcher ({@code QUACKLAKE_WARM=on}): a virtual
 * machine that stays up between commands so that a command runs on compiled code instead of paying
 * for class loading and the JIT compiler again. {@link io.quacklake.cli.warm.WarmServer} serves one
 * command at a time over a Unix socket in a private folder; {@link
 * io.quacklake.cli.warm.WarmClient} forwards a command's arguments, standard input, output, error
 * and exit code. A server is started per jar, Java, options, working directory, umask and
 * environment, so a command sees exactly what it would see in a process of its own.
 */
package io.quacklake.cli.warm;
