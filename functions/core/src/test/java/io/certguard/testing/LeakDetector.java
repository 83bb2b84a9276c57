package io.certguard.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in captured text. A private key is found by any window of its base64 body (as PEM carries it), of its
 * bytes as hex, and of its private numbers in decimal and hex, so a fragment is found as well as the whole; a phrase
 * (passphrase, API key secret, auth token, or a form it travels in such as HTTP Basic credentials) by itself or any
 * {@value #PHRASE_WINDOW}-character window of it. Public material (the certificates beside a key) is not a secret:
 * windows a key shares with it, such as an RSA modulus, are dropped so certificates may be shown.
 */
public final class LeakDetector {

    /** Characters of a phrase window: a secret's first or last half is still a leak. */
    public static final int PHRASE_WINDOW = 16;
    /** Digits of a decimal window over a key's private numbers. */
    public static final int DECIMAL_WINDOW = 24;

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern LAYOUT = Pattern.compile("\\s+|\\\\[nr]");

    private final int base64Window;
    private final int hexWindow;
    /** Window text to the name of the secret it came from, by window width. */
    private final Map<Integer, Map<String, String>> keyWindows = new TreeMap<>();
    private final Map<Integer, Map<String, String>> phraseWindows = new TreeMap<>();
    private final Set<String> publicWindows = new HashSet<>();
    private final Set<String> names = new LinkedHashSet<>();

    /** Windows of 20 base64 characters (15 bytes) and 32 hex digits (16 bytes). */
    public LeakDetector() {
        this(20, 32);
    }

    public LeakDetector(int base64Window, int hexWindow) {
        this.base64Window = base64Window;
        this.hexWindow = hexWindow;
    }

    /** A leak: which secret, the window of it that was found, and where. */
    public record Leak(String secret, String fragment, int at) {
    }

    /**
     * Every private key block in {@code text} (any form: PKCS#8, PKCS#1, SEC1, encrypted; also inside a JSON string)
     * is a secret named {@code name}; every other block (certificates) is public.
     */
    public LeakDetector pem(String name, String text) {
        // A PEM inside a JSON secret has its line breaks escaped.
        Matcher block = BLOCK.matcher(text.replace("\\n", "\n").replace("\r", ""));
        while (block.find()) {
            String base64 = block.group(2).lines().filter(line -> !line.contains(":"))
                    .map(line -> line.replaceAll("\\s+", "")).reduce("", String::concat);
            boolean key = block.group(1).contains("PRIVATE KEY");
            byte[] der = decodeOrNull(base64);
            if (key) {
                names.add(name);
                addWindows(keyWindows, name, base64, base64Window);
                if (der != null) {
                    addWindows(keyWindows, name, hex(der), hexWindow);
                }
            } else {
                windowsOf(base64, base64Window).forEach(publicWindows::add);
                if (der != null) {
                    windowsOf(hex(der), hexWindow).forEach(publicWindows::add);
                }
            }
        }
        return this;
    }

    /** The key itself: its PKCS#8 bytes (base64 and hex) and its private numbers (decimal and hex). */
    public LeakDetector privateKey(String name, PrivateKey key) {
        names.add(name);
        byte[] der = key.getEncoded();
        addWindows(keyWindows, name, Base64.getEncoder().encodeToString(der), base64Window);
        addWindows(keyWindows, name, hex(der), hexWindow);
        for (BigInteger number : privateNumbers(key)) {
            addWindows(keyWindows, name, number.toString(), DECIMAL_WINDOW);
            addWindows(keyWindows, name, number.toString(16), hexWindow);
        }
        return this;
    }

    /** A binary secret (a SecretBinary that is not PEM): its bytes as hex and as base64. */
    public LeakDetector bytes(String name, byte[] raw) {
        names.add(name);
        addWindows(keyWindows, name, hex(raw), hexWindow);
        addWindows(keyWindows, name, Base64.getEncoder().encodeToString(raw), base64Window);
        return this;
    }

    /** A passphrase, API key secret or auth token: the whole of it, and every {@value #PHRASE_WINDOW}-character window. */
    public LeakDetector phrase(String name, String secret) {
        names.add(name);
        if (secret.length() <= PHRASE_WINDOW) {
            phraseWindows.computeIfAbsent(secret.length(), w -> new HashMap<>()).put(secret, name);
        } else {
            addWindows(phraseWindows, name, secret, PHRASE_WINDOW);
        }
        return this;
    }

    /** A credential pair: the password as a phrase, and the HTTP Basic token it travels in (RFC 7617). */
    public LeakDetector basicCredentials(String name, String username, String password) {
        phrase(name, password);
        return phrase(name, Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Text that is public, such as certificates: windows a key shares with it are not counted as leaks. */
    public LeakDetector publicText(String text) {
        windowsOf(text, base64Window).forEach(publicWindows::add);
        return this;
    }

    /** How many secrets are watched (each key, phrase or credential counted once). */
    public int secrets() {
        return names.size();
    }

    /** How many distinct windows are watched. */
    public int windows() {
        return keyWindows.values().stream().mapToInt(Map::size).sum()
                + phraseWindows.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The first secret in {@code text}: as written, with its layout removed (line breaks, also JSON-escaped ones, so a
     * wrapped key body is found), and as compact lower-case hex (colons and spaces removed, as key dumps print bytes).
     */
    public Optional<Leak> find(String text) {
        Optional<Leak> leak = search(text, null);
        String compact = LAYOUT.matcher(text).replaceAll("");
        if (leak.isEmpty() && !compact.equals(text)) {
            leak = search(compact, null);
        }
        String hex = compact.replace(":", "").toLowerCase(Locale.ROOT);
        if (leak.isEmpty() && !hex.equals(compact)) {
            leak = search(hex, hexWindow);
        }
        return leak;
    }

    /** Phrases, then key windows ({@code onlyWidth} of them when given), in {@code text}. */
    private Optional<Leak> search(String text, Integer onlyWidth) {
        Optional<Leak> leak = search(text, phraseWindows, Set.of(), null);
        return leak.isPresent() ? leak : search(text, keyWindows, publicWindows, onlyWidth);
    }

    private static Optional<Leak> search(String text, Map<Integer, Map<String, String>> byWidth, Set<String> exempt,
            Integer onlyWidth) {
        for (Map.Entry<Integer, Map<String, String>> windows : byWidth.entrySet()) {
            int width = windows.getKey();
            if (onlyWidth != null && width != onlyWidth) {
                continue;
            }
            for (int i = 0; i + width <= text.length(); i++) {
                String candidate = text.substring(i, i + width);
                String name = windows.getValue().get(candidate);
                if (name != null && !exempt.contains(candidate)) {
                    return Optional.of(new Leak(name, candidate, i));
                }
            }
        }
        return Optional.empty();
    }

    private static List<BigInteger> privateNumbers(PrivateKey key) {
        return switch (key) {
            case RSAPrivateCrtKey rsa -> List.of(rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ(),
                    rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(), rsa.getCrtCoefficient());
            case ECPrivateKey ec -> List.of(ec.getS());
            default -> List.of();
        };
    }

    private static void addWindows(Map<Integer, Map<String, String>> byWidth, String name, String text, int width) {
        Map<String, String> windows = byWidth.computeIfAbsent(width, w -> new HashMap<>());
        windowsOf(text, width).forEach(window -> windows.putIfAbsent(window, name));
    }

    private static List<String> windowsOf(String text, int width) {
        List<String> windows = new ArrayList<>();
        for (int i = 0; i + width <= text.length(); i++) {
            windows.add(text.substring(i, i + width));
        }
        return windows;
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException damaged) {
            return null; // a deliberately damaged block: its base64 windows are enough
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
