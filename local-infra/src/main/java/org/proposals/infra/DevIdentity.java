package org.proposals.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The identity provider of the local run and the tests: an RSA key pair made on this machine and signed
 * bearer tokens (RS256 JWTs) for the demo people. The services only ever see its public key, through
 * the same setting that points them at a real provider's keys in production, where nothing of this exists.
 *
 * <pre>
 *   java ... org.proposals.infra.DevIdentity keys  DIR           make DIR/private.pem and DIR/public.pem once
 *   java ... org.proposals.infra.DevIdentity token DIR PERSON    print a token for a demo person
 *   java ... org.proposals.infra.DevIdentity people              list the demo people
 * </pre>
 */
public final class DevIdentity {

    /** The issuer and audience the services expect unless configured otherwise. */
    public static final String ISSUER = "https://proposals.local/dev-issuer";
    public static final String AUDIENCE = "proposal-platform";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevIdentity(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new key pair held in memory only, as the tests use. */
    public static DevIdentity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevIdentity(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The key pair kept in {@code dir}, made there the first time. */
    public static DevIdentity inDirectory(Path dir) throws IOException {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            DevIdentity fresh = generate();
            Files.createDirectories(dir);
            Files.writeString(privatePem, pem("PRIVATE KEY", fresh.privateKey.getEncoded()));
            Files.writeString(publicPem, fresh.publicKeyPem());
            privatePem.toFile().setReadable(false, false);
            privatePem.toFile().setReadable(true, true);
            return fresh;
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DevIdentity(
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem)))),
                    rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicPem)))));
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable key pair in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** A token for one of the demo people, valid for {@code ttl}. */
    public String tokenFor(String personId, Duration ttl) {
        Person person = person(personId).orElseThrow(() -> new IllegalArgumentException("no demo person " + personId
                + "; known: " + people().stream().map(Person::id).collect(Collectors.joining(", "))));
        return token(person, ttl);
    }

    /** A token for anyone: tests make people of their own to be sure whose records are whose. */
    public String token(Person person, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", person.id());
        claims.put("upn", person.id());
        claims.put("name", person.name());
        claims.put("groups", person.roles());
        if (person.unitId() != null) {
            claims.put("unit_id", person.unitId());
            claims.put("unit_name", person.unitName());
        }
        if (person.divisionId() != null) {
            claims.put("division_id", person.divisionId());
            claims.put("division_name", person.divisionName());
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs arbitrary claims: tests use it for expired, foreign or otherwise wrong tokens. */
    public String sign(Map<String, Object> claims) {
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String body = base64Url(Json.write(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** One of the demo people (see {@code demo/people.csv}). */
    public record Person(String id, String name, List<String> roles, String unitId, String unitName,
                         String divisionId, String divisionName) {

        public Person {
            roles = List.copyOf(roles);
        }

        public static Person of(String id, String name, String unitId, String... roles) {
            return new Person(id, name, Arrays.asList(roles), unitId, unitId, null, null);
        }
    }

    public static List<Person> people() {
        List<Person> people = new ArrayList<>();
        try (InputStream in = DevIdentity.class.getResourceAsStream("/demo/people.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                people.add(new Person(f[0], f[1], Arrays.asList(f[2].split("\\|")), blank(f[3]), blank(f[4]),
                        blank(f[5]), blank(f[6])));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("demo/people.csv is missing or unreadable", e);
        }
        return people;
    }

    public static Optional<Person> person(String id) {
        return people().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("keys")) {
            DevIdentity.inDirectory(Path.of(args[1]));
            System.out.println(Path.of(args[1]).resolve("public.pem").toAbsolutePath());
        } else if (args.length == 3 && args[0].equals("token")) {
            System.out.println(DevIdentity.inDirectory(Path.of(args[1])).tokenFor(args[2], Duration.ofHours(12)));
        } else if (args.length == 1 && args[0].equals("people")) {
            for (Person p : people()) {
                System.out.printf("%-22s %-8s %-20s %s%s%n", p.id(), String.join("|", p.roles()),
                        p.unitId() == null ? "" : p.unitId(), p.name(), p.divisionName() == null ? "" : " · " + p.divisionName());
            }
        } else {
            System.err.println("usage: DevIdentity keys DIR | token DIR PERSON | people");
            System.exit(2);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Just enough JSON for claims: strings, numbers, lists of strings. */
    private static final class Json {
        static String write(Map<String, Object> claims) {
            return claims.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }

        private static String value(Object value) {
            if (value instanceof Number) {
                return value.toString();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(v -> quote(v.toString())).collect(Collectors.joining(",", "[", "]"));
            }
            return quote(String.valueOf(value));
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
