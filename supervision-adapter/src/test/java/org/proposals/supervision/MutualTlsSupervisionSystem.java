package org.proposals.supervision;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.proposals.supervision.SupervisionSystemStandIn.REPORTS_PATH;

/**
 * Plays the city supervision system behind mutual TLS: an HTTPS-only server that serves a certificate for
 * localhost and takes no connection from a client whose certificate it does not trust. The key pairs are made
 * afresh for each run under {@code target/}, so that no key material is ever kept in the repository.
 */
public class MutualTlsSupervisionSystem implements QuarkusTestResourceLifecycleManager {

    static final Path STORES = Path.of("target", "mutual-tls").toAbsolutePath();
    /** The platform's client certificate and key, and what it trusts the supervision system by. */
    static final Path PLATFORM_KEY_STORE = STORES.resolve("platform.p12");
    static final Path PLATFORM_TRUST_STORE = STORES.resolve("platform-trust.p12");
    static final String PLATFORM_KEY_STORE_PASSWORD = "platform-key-store-password";
    static final String PLATFORM_TRUST_STORE_PASSWORD = "platform-trust-store-password";

    private static final Path SYSTEM_KEY_STORE = STORES.resolve("supervision-system.p12");
    /** The supervision system as configured for the platform: it trusts the platform's certificate. */
    private static final Path SYSTEM_TRUST_STORE = STORES.resolve("supervision-system-trust.p12");
    /** Misconfigured: it trusts only a certificate of its own, not the platform's. */
    private static final Path STRANGER_TRUST_STORE = STORES.resolve("supervision-system-stranger-trust.p12");
    private static final String SYSTEM_PASSWORD = "supervision-system-password";

    private static WireMockServer server;
    private static int port;

    public static WireMockServer server() {
        return server;
    }

    /** What the supervision system received about the proposal, oldest first. */
    static List<ServeEvent> receivedAbout(UUID proposalId) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(proposalId.toString()))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** The supervision system trusts the platform's certificate and takes every report. */
    static void trustThePlatform() {
        restart(SYSTEM_TRUST_STORE);
    }

    /** The supervision system, at the same address, no longer trusts the platform's certificate. */
    static void distrustThePlatform() {
        restart(STRANGER_TRUST_STORE);
    }

    @Override
    public Map<String, String> start() {
        try {
            makeStores();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        port = 0;
        restart(SYSTEM_TRUST_STORE);
        port = server.httpsPort();
        // the name the server's certificate was made for: the client checks it
        return Map.of("supervision.system.url", "https://localhost:" + port + "/api");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static synchronized void restart(Path trustStore) {
        if (server != null) {
            server.stop();
        }
        WireMockConfiguration options = options()
                .httpDisabled(true)
                .keystorePath(SYSTEM_KEY_STORE.toString())
                .keystoreType("PKCS12")
                .keystorePassword(SYSTEM_PASSWORD)
                .keyManagerPassword(SYSTEM_PASSWORD)
                .needClientAuth(true)
                .trustStorePath(trustStore.toString())
                .trustStoreType("PKCS12")
                .trustStorePassword(SYSTEM_PASSWORD);
        // swapped at the same port, so that the platform, configured once, meets the other server
        server = new WireMockServer(port == 0 ? options.dynamicHttpsPort() : options.httpsPort(port));
        server.start();
        server.stubFor(WireMock.post(REPORTS_PATH).willReturn(WireMock.ok("{\"received\":true}")));
    }

    private static void makeStores() throws IOException, GeneralSecurityException {
        Files.createDirectories(STORES);
        for (Path store : List.of(PLATFORM_KEY_STORE, PLATFORM_TRUST_STORE, SYSTEM_KEY_STORE, SYSTEM_TRUST_STORE, STRANGER_TRUST_STORE)) {
            Files.deleteIfExists(store);
        }
        // the two key pairs at once: each keytool is a JVM of its own
        List<Process> keyPairs = List.of(
                keyPair(SYSTEM_KEY_STORE, SYSTEM_PASSWORD, "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1"),
                keyPair(PLATFORM_KEY_STORE, PLATFORM_KEY_STORE_PASSWORD, "CN=proposal-platform,O=CPPCC proposals", null));
        for (Process process : keyPairs) {
            awaitSuccess(process);
        }
        Certificate system = certificate(SYSTEM_KEY_STORE, SYSTEM_PASSWORD);
        Certificate platform = certificate(PLATFORM_KEY_STORE, PLATFORM_KEY_STORE_PASSWORD);
        // each side trusts the other's self-signed certificate; the stranger trust store lacks the platform's
        trustStore(PLATFORM_TRUST_STORE, PLATFORM_TRUST_STORE_PASSWORD, "supervision-system", system);
        trustStore(SYSTEM_TRUST_STORE, SYSTEM_PASSWORD, "proposal-platform", platform);
        trustStore(STRANGER_TRUST_STORE, SYSTEM_PASSWORD, "supervision-system", system);
    }

    private static Process keyPair(Path store, String password, String name, String extension) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitSuccess(Process process) throws IOException {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("keytool failed (" + process.exitValue() + "): " + output);
        }
    }

    private static Certificate certificate(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        return keys.getCertificate("key");
    }

    private static void trustStore(Path path, String password, String alias, Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, certificate);
        try (OutputStream out = Files.newOutputStream(path)) {
            trust.store(out, password.toCharArray());
        }
    }
}
