package gov.keyproject.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * Mints RS256 tokens for the local stack's demo clients and for tests. In production the services validate tokens
 * of any OIDC provider instead (configuration only); this class is never needed there.
 */
public final class DevTokens {

    public static final String ISSUER = "keyproject-local";
    private final PrivateKey privateKey;

    public DevTokens(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** Creates (once) a key pair under {@code dir}: {@code jwt-private.pem} and {@code jwt-public.pem}. */
    public static DevTokens inDirectory(Path dir) throws IOException {
        Path priv = dir.resolve("jwt-private.pem");
        Path pub = dir.resolve("jwt-public.pem");
        try {
            if (!Files.exists(priv) || !Files.exists(pub)) {
                Files.createDirectories(dir);
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new DevTokens(key);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path publicKey(Path dir) {
        return dir.resolve("jwt-public.pem");
    }

    /** A signed token for {@code subject}, acting for {@code unit} (may be null) with {@code roles}. */
    public String mint(String subject, String unit, Collection<Role> roles, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(Caller.ROLES_CLAIM, roles.stream().map(Role::name).toList());
        if (unit != null) {
            claims.claim(Caller.UNIT_CLAIM, unit);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
