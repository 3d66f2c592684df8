package org.proposals.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Small process, port and log helpers shared by {@link KafkaBroker} and {@link LocalPostgres}. */
final class Processes {

    static final String LOOPBACK = "127.0.0.1";

    private Processes() {
    }

    static boolean isPortOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFreePort(int port, String what) {
        if (isPortOpen(port)) {
            throw new IllegalStateException(what + " cannot start: something already listens on "
                    + LOOPBACK + ":" + port);
        }
    }

    /** A port that was free a moment ago, for tests. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                    .findFirst().orElse("").trim();
            return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live process with this pid whose command line contains {@code marker}, if there is one. */
    static Optional<ProcessHandle> liveProcess(long pid, String marker) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(true));
    }

    /** Sends a signal by name (TERM, INT, ...) through the shell's kill builtin. */
    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a process to end; returns false if it still runs after the timeout. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines of a log file, for error messages. */
    static String tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 16_384);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    /** Whether the file contains {@code text} after byte {@code offset}. */
    static boolean contains(Path file, long offset, String text) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 64L * 1024 * 1024)];
            raf.seek(offset);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
