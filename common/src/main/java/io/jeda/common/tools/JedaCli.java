package io.jeda.common.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code jeda} command line behind the {@code ./jeda} script: mint development tokens, ask a
 * service's gRPC health, and call any RPC of a running service through server reflection. It never
 * runs inside a service.
 * <p>
 * Every failure is one line on standard error and a non-zero exit code (2 for a wrong command line,
 * 1 for a failed call), so that {@code export T=$(./jeda token ...)} under {@code set -e} or
 * {@code pipefail} stops instead of storing an empty token.
 */
@Command(name = "jeda", mixinStandardHelpOptions = true, version = "jeda 0.1.0", synopsisSubcommandLabel = "COMMAND",
        description = "Development tools for a local Jeda (see ./jeda help for ./jeda up).",
        subcommands = {TokenCommand.class, HealthCommand.class, CallCommand.class, ReceiverCommand.class,
                CommandLine.HelpCommand.class})
public final class JedaCli implements Runnable {

    /** Exit code of a command line that could not be understood. */
    static final int USAGE = 2;

    /** The environment the commands read ports, secrets and tokens from; replaced in tests. */
    final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    JedaCli(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(System.getenv(), out, err, args));
    }

    /** Runs one command; returns its exit code. */
    static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new JedaCli(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName(" ");
            c.getErr().println(name + ": " + ex.getMessage() + " (see: " + hint(name) + " --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName(" ");
            c.getErr().println(name + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            // Answers are printed without a final println too (call list): flush before System.exit.
            out.flush();
            err.flush();
        }
    }

    /** The same command as typed through the script, e.g. "./jeda token". */
    private static String hint(String qualifiedName) {
        return "./" + qualifiedName;
    }

    @Override
    public void run() {
        // "jeda" without a command: the list of commands, as a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }
}
