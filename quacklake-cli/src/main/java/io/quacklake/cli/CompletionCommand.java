package io.quacklake.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash|zsh}: a completion script for the shell (zsh through bashcompinit). */
@Command(
    name = "completion",
    description = "Print a shell completion script: source <(quacklake completion bash)")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("quacklake", spec.root().commandLine());
    switch (shell) {
      case "bash" -> System.out.print(script);
      case "zsh" -> System.out.print("autoload -U +X bashcompinit && bashcompinit\n" + script);
      default ->
          throw io.quacklake.exceptions.QuacklakeException.invalid(
              "no completion for '%s'; use bash or zsh", shell);
    }
    System.out.flush();
    return 0;
  }
}
