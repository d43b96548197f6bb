package gov.keyproject.devstack;

import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Mints a token with the local stack's key: {@code java -cp infra/devstack/target/devstack.jar
 * gov.keyproject.devstack.Tokens <subject> <ROLE> [unit]}. Prints the token only, for use in scripts.
 */
public final class Tokens {

    private Tokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Tokens <subject> <" + String.join("|",
                    java.util.Arrays.stream(Role.values()).map(Enum::name).toList()) + "> [unit]");
            System.exit(2);
        }
        Path keys = LocalStack.dataDir().resolve("keys");
        DevTokens tokens = DevTokens.inDirectory(keys);
        System.out.println(tokens.mint(args[0], args.length > 2 ? args[2] : null, List.of(Role.valueOf(args[1])),
                Duration.ofDays(30)));
    }
}
