package io.certguard.bundle;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PEM blocks (RFC 7468) in a text and decodes their base64, tolerating what bundles pasted into consoles and
 * editors look like: CRLF, CR or mixed line endings, line breaks stored as the two characters {@code \n}, whitespace
 * inside or instead of line breaks, text before, between and after the blocks (RFC 7468 §2: parsers must ignore it).
 * It is strict about the content: only base64, complete groups of four, and DER whose outer length matches the bytes,
 * so a truncated paste is reported here rather than as an obscure parse error later.
 *
 * <p>BouncyCastle's PemReader is lenient in the other direction (it skips what it cannot read), which would turn a
 * damaged block into a silently missing one; hence this scanner does the framing and PEMParser the typed decoding.
 */
final class PemScanner {

    /** Blocks read per text; a bundle has a handful, and the limit bounds the work on hostile input. */
    static final int MAX_BLOCKS = 64;

    private static final Pattern BOUNDARY = Pattern.compile("-----(BEGIN|END) ([^\\n-]{1,64})-----");

    /**
     * The blocks of one text.
     *
     * @param overflowed whether more than {@link #MAX_BLOCKS} blocks were present (the rest was not read)
     */
    record Scan(List<PemBlock> blocks, boolean overflowed) {
        Scan {
            blocks = List.copyOf(blocks);
        }
    }

    private final String text;
    private final Optional<String> member;
    private final List<PemBlock> blocks = new ArrayList<>();

    private PemScanner(String text, Optional<String> member) {
        this.text = text;
        this.member = member;
    }

    /**
     * Scans {@code text}.
     *
     * @param member the JSON member the text came from, for locations in messages; empty for a PEM bundle
     */
    static Scan scan(String text, Optional<String> member) {
        return new PemScanner(normalizeLineBreaks(text), member).run();
    }

    static String normalizeLineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\\r\\n", "\n").replace("\\n", "\n");
    }

    private Scan run() {
        Matcher boundary = BOUNDARY.matcher(text);
        String openLabel = null;
        int openLine = 0;
        int contentStart = 0;
        while (boundary.find()) {
            if (blocks.size() == MAX_BLOCKS) {
                return new Scan(blocks, true);
            }
            String label = boundary.group(2).strip();
            int line = lineOf(boundary.start());
            if (boundary.group(1).equals("BEGIN")) {
                if (openLabel != null) {
                    damaged(openLabel, openLine, "has no END line before the next BEGIN line (" + at(line) + ")");
                }
                openLabel = label;
                openLine = line;
                contentStart = boundary.end();
            } else if (openLabel == null) {
                blocks.add(new PemBlock.Damaged(label, at(line),
                        "\"-----END " + label + "-----\" at " + at(line) + " has no BEGIN line"));
            } else {
                if (label.equals(openLabel)) {
                    blocks.add(decode(openLabel, openLine, text.substring(contentStart, boundary.start())));
                } else {
                    damaged(openLabel, openLine, "ends with \"-----END " + label + "-----\" (" + at(line)
                            + "); each BEGIN line needs the END line of the same label");
                }
                openLabel = null;
            }
        }
        if (openLabel != null && blocks.size() < MAX_BLOCKS) {
            damaged(openLabel, openLine, "has no END line; the text looks truncated");
        }
        return new Scan(blocks, false);
    }

    private PemBlock decode(String label, int beginLine, String content) {
        String[] lines = content.split("\n", -1);
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder(content.length());
        boolean inHeaders = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (inHeaders) {
                // RFC 1421 encapsulated headers (Proc-Type, DEK-Info) of legacy encrypted keys, up to a blank line.
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                    continue;
                }
                if (line.isEmpty()) {
                    inHeaders = headers.isEmpty();
                    continue;
                }
                inHeaders = false;
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (isBase64(ch)) {
                    base64.append(ch);
                } else if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch)) {
                    return damagedBlock(label, beginLine, "has a character that is not base64 at " + at(beginLine + i)
                            + "; between its BEGIN and END lines a PEM block holds only base64");
                }
            }
        }
        if (base64.isEmpty()) {
            return damagedBlock(label, beginLine, "is empty");
        }
        if (base64.length() % 4 != 0) {
            return damagedBlock(label, beginLine, "is truncated: its base64 has " + Describe.count(base64.length())
                    + " characters, not a multiple of 4");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            return damagedBlock(label, beginLine, "is not valid base64 ('=' padding before the end)");
        }
        // An encrypted legacy key (RFC 1421 headers) holds ciphertext, not DER: its framing is checked after decryption.
        Optional<String> framing = headers.isEmpty() ? derFramingProblem(der) : Optional.empty();
        if (framing.isPresent()) {
            return damagedBlock(label, beginLine, framing.get());
        }
        return new PemBlock.Decoded(label, at(beginLine), headers, der);
    }

    /**
     * Checks the outer DER tag-length-value against the decoded bytes (X.690 §8.1.3): a block cut at a multiple of
     * four base64 characters still decodes, but holds fewer bytes than its first length field announces. Only for a
     * DER SEQUENCE, as every certificate and key is; other content (an OpenSSH key) is left to whoever reads it.
     */
    static Optional<String> derFramingProblem(byte[] der) {
        if (der[0] != 0x30) {
            return Optional.empty();
        }
        if (der.length < 2) {
            return Optional.of("is too short to hold a DER structure");
        }
        int first = der[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0) {
                return Optional.empty(); // BER indefinite length: leave the verdict to the parser
            }
            if (octets > 4 || der.length < 2 + octets) {
                return Optional.of("is not DER: its first length field is invalid");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            header = 2 + octets;
        }
        long total = header + length;
        if (total > der.length) {
            return Optional.of("is truncated: its DER announces " + Describe.count(total) + " bytes but the block holds "
                    + Describe.count(der.length));
        }
        if (total < der.length) {
            return Optional.of("has " + Describe.count(der.length - total) + " bytes after the end of its DER structure");
        }
        return Optional.empty();
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    private void damaged(String label, int line, String problem) {
        blocks.add(damagedBlock(label, line, problem));
    }

    private PemBlock.Damaged damagedBlock(String label, int line, String problem) {
        return new PemBlock.Damaged(label, at(line), "the " + label + " block at " + at(line) + " " + problem);
    }

    private String at(int line) {
        return "line " + line + member.map(m -> " of \"" + m + "\"").orElse("");
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
