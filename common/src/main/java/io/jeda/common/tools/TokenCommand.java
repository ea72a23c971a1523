package io.jeda.common.tools;

import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Mints a token signed with the local signing key, for trying the APIs. */
@Command(name = "token", mixinStandardHelpOptions = true, description = {
        "Prints a bearer token for SUBJECT with the given roles, signed with",
        "$JEDA_JWT_SECRET (the development key when unset) and issuer",
        "$JEDA_JWT_ISSUER (default jeda). Example:",
        "  export OFFICER_TOKEN=$(./jeda token 199001012015032001 officer)",
        "  export ADMIN_TOKEN=$(./jeda token admin-beltim admin --unit diskominfo-beltim)"})
final class TokenCommand implements Callable<Integer> {

    /** The development key of local runs; deployments set JEDA_JWT_SECRET or a JWKS URI. */
    static final String DEV_SECRET = "jeda-development-secret-not-for-production-use-0001";

    @CommandLine.ParentCommand
    JedaCli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "an officer's NIP, or a client id such as hr-admin")
    String subject;

    @Parameters(index = "1", paramLabel = "ROLE[,ROLE...]",
            description = "any of officer, manager, admin, hr, service, agency (any case)")
    String roles;

    @Parameters(index = "2", arity = "0..1", paramLabel = "HOURS", defaultValue = "12",
            description = "how long the token is valid (default ${DEFAULT-VALUE})")
    int hours;

    @CommandLine.Option(names = "--unit", paramLabel = "UNIT",
            description = {"the unit an admin or hr token administers, with its sub-units",
                    "(an id or units/{id}; * for every unit, the default for admin and hr)"})
    String unit;

    @Override
    public Integer call() {
        if (subject.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "SUBJECT must not be empty");
        }
        Set<Role> parsed = parseRoles(roles, spec.commandLine());
        if (hours < 1 || hours > 24 * 31) {
            throw new CommandLine.ParameterException(spec.commandLine(), "HOURS must be 1 to 744, got " + hours);
        }
        String secret = cli.env.getOrDefault("JEDA_JWT_SECRET", DEV_SECRET);
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "JEDA_JWT_SECRET is shorter than 32 bytes; the services would refuse it too");
        }
        String issuer = cli.env.getOrDefault("JEDA_JWT_ISSUER", "jeda");
        TokenService tokens = new TokenService(secret, "", issuer, true);
        String scope = unit;
        if (scope == null && (parsed.contains(Role.ADMIN) || parsed.contains(Role.HR))) {
            scope = Caller.NATIONAL;
        }
        if (scope != null && scope.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--unit must not be empty");
        }
        spec.commandLine().getOut().println(tokens.mint(subject, parsed, scope, Duration.ofHours(hours)));
        return 0;
    }

    static String validRoles() {
        return Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static Set<Role> parseRoles(String text, CommandLine cl) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String r : text.split(",")) {
            String name = r.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "unknown role '" + r.trim() + "'; valid roles: " + validRoles());
            }
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "name at least one role; valid roles: " + validRoles());
        }
        return out;
    }
}
