package org.proposals.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Gives a service under test the public key of a key pair made for this test run, and tests tokens
 * signed with its private key: {@code given().auth().oauth2(TestIdentity.tokenFor("office-miit"))}.
 */
public class TestIdentity implements QuarkusTestResourceLifecycleManager {

    private static final DevIdentity IDENTITY = DevIdentity.generate();

    public static String tokenFor(String demoPersonId) {
        return IDENTITY.tokenFor(demoPersonId, Duration.ofMinutes(30));
    }

    public static String token(DevIdentity.Person person) {
        return IDENTITY.token(person, Duration.ofMinutes(30));
    }

    public static DevIdentity identity() {
        return IDENTITY;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path key = Files.createTempFile("test-identity", ".pem");
            Files.writeString(key, IDENTITY.publicKeyPem());
            key.toFile().deleteOnExit();
            return Map.of("mp.jwt.verify.publickey.location", key.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
