package io.certguard.bundle;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Turns a secret's value into a {@link BundleInput}: decides between the JSON and the PEM-bundle format, finds the
 * blocks, reads the certificates and the key, and records every problem as a finding instead of throwing, so one
 * report can list all that is wrong with a bundle.
 */
final class BundleReader {

    /**
     * Bytes or characters read at most: four times Secrets Manager's 65,536-byte limit, room for a bundle kept
     * elsewhere but not for something else.
     */
    static final int MAX_INPUT = 262_144;

    private static final Set<String> KEY_LABELS =
            Set.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    private final List<Finding> findings = new ArrayList<>();
    private final List<ParsedCertificate> certificates = new ArrayList<>();
    private final List<PemBlock> keyBlocks = new ArrayList<>();
    private int certificateBlocks;
    private Optional<PrivateKeyMaterial> key = Optional.empty();
    /** Pieces whose source was unreadable, so their absence is already explained. */
    private final Set<Piece> unreadable = EnumSet.noneOf(Piece.class);

    /** What a source is meant to carry. */
    private enum Piece {
        CERTIFICATE, KEY;

        /** The pieces a JSON member (canonical name) carries. */
        static Set<Piece> carriedBy(String member) {
            return switch (member) {
                case "certificate", "chain" -> EnumSet.of(CERTIFICATE);
                case "privateKey" -> EnumSet.of(KEY);
                default -> EnumSet.noneOf(Piece.class);
            };
        }
    }

    private BundleReader() {
    }

    static BundleInput readBytes(byte[] bytes) {
        if (bytes.length > MAX_INPUT) {
            return tooLarge(bytes.length, "bytes");
        }
        return text(bytes).map(BundleReader::readText).orElseGet(() -> {
            BundleReader reader = new BundleReader();
            reader.findings.add(bytes.length == 0 ? empty() : notPem("the secret", ForeignFormat.describeBytes(bytes)));
            return reader.result(Optional.empty());
        });
    }

    static BundleInput readText(String value) {
        String text = value.startsWith("\uFEFF") ? value.substring(1) : value;
        if (text.length() > MAX_INPUT) {
            return tooLarge(text.length(), "characters");
        }
        BundleReader reader = new BundleReader();
        if (text.isBlank()) {
            reader.findings.add(empty());
            return reader.result(Optional.empty());
        }
        if (text.strip().startsWith("{")) {
            return reader.readJson(text);
        }
        reader.readPem(text, Optional.empty(), EnumSet.allOf(Piece.class));
        reader.finish(Optional.empty(), Optional.empty());
        return reader.result(Optional.empty());
    }

    private BundleInput readJson(String text) {
        JsonObject object;
        try {
            object = Json.parseObject(text);
        } catch (JsonFormatException e) {
            // Json's messages name offsets and punctuation, never input text, so they are safe to show here.
            findings.add(Finding.of(FindingCode.JSON_MALFORMED, "the secret starts with '{' but is not valid JSON ("
                    + e.getMessage() + "); store a JSON object with \"certificate\", \"chain\" and \"privateKey\", or"
                    + " one PEM bundle"));
            return result(Optional.empty());
        }
        JsonSecret secret = JsonSecret.of(object);
        findings.addAll(secret.problems());
        secret.malformedMembers().forEach(member -> unreadable.addAll(Piece.carriedBy(member)));
        secret.pemMembers().forEach((member, pem) ->
                readPem(pem, Optional.of(member), Piece.carriedBy(secret.canonicalNames().get(member))));
        char[] passphrase = secret.passphrase().map(String::toCharArray).orElse(null);
        try {
            finish(Optional.ofNullable(passphrase), Optional.of(secret.memberNames()));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        return result(secret.domainSid());
    }

    /**
     * Reads the blocks of one text.
     *
     * @param pieces what the text is meant to carry: when it holds no PEM at all, the PEM_MALFORMED finding explains
     *               their absence, and NO_CERTIFICATE / NO_PRIVATE_KEY would only repeat it
     */
    private void readPem(String text, Optional<String> member, Set<Piece> pieces) {
        PemScanner.Scan scan = PemScanner.scan(text, member);
        String where = member.map(m -> "\"" + m + "\"").orElse("the secret");
        if (scan.blocks().isEmpty()) {
            findings.add(notPem(where, ForeignFormat.describeText(text)));
            unreadable.addAll(pieces);
            return;
        }
        for (PemBlock block : scan.blocks()) {
            classify(block);
        }
        if (scan.overflowed()) {
            findings.add(Finding.of(FindingCode.PEM_MALFORMED, where + " has more than " + PemScanner.MAX_BLOCKS
                    + " PEM blocks; the rest was not read (a certificate bundle has a handful)"));
        }
    }

    private void classify(PemBlock block) {
        if (block.label().equals("CERTIFICATE")) {
            readCertificate(block, certificateBlocks++);
        } else if (KEY_LABELS.contains(block.label())) {
            keyBlocks.add(block);
        } else if (block instanceof PemBlock.Damaged damaged) {
            findings.add(Finding.of(FindingCode.PEM_MALFORMED, damaged.problem()));
        } else {
            findings.add(Finding.of(FindingCode.UNSUPPORTED_BLOCK, unsupported(block)));
        }
    }

    private void readCertificate(PemBlock block, int index) {
        switch (block) {
            case PemBlock.Damaged damaged -> findings.add(Finding.about(FindingCode.PEM_MALFORMED, index, damaged.problem()));
            case PemBlock.Decoded decoded -> {
                try {
                    if (decoded.readObject() instanceof X509CertificateHolder holder) {
                        certificates.add(ParsedCertificate.of(index, decoded.location(), holder,
                                new JcaX509CertificateConverter().getCertificate(holder)));
                        return;
                    }
                } catch (IOException | CertificateException | RuntimeException e) {
                    // reported below, without the parser's words
                }
                findings.add(Finding.about(FindingCode.PEM_MALFORMED, index, "the CERTIFICATE block at "
                        + decoded.location() + " is not a valid X.509 certificate"));
            }
        }
    }

    private static String unsupported(PemBlock block) {
        if (block.label().equals("PKCS7")) {
            return "the PKCS7 block at " + block.location() + " is not read: extract its certificates with \"openssl"
                    + " pkcs7 -print_certs -in chain.p7b\" and store them as CERTIFICATE blocks";
        }
        if (block.label().endsWith("PRIVATE KEY")) {
            return "the " + block.label() + " block at " + block.location() + " is not a private key format Twilio"
                    + " takes (PKCS#8, BEGIN PRIVATE KEY); it is left out";
        }
        return "the " + block.label() + " block at " + block.location() + " is not part of a certificate bundle; it is"
                + " left out";
    }

    /**
     * Reads the key and notes what is missing.
     *
     * @param jsonMembers the member names of a JSON secret; empty for a PEM bundle
     */
    private void finish(Optional<char[]> passphrase, Optional<List<String>> jsonMembers) {
        boolean json = jsonMembers.isPresent();
        List<String> memberNames = jsonMembers.orElse(List.of());
        if (certificateBlocks == 0 && !unreadable.contains(Piece.CERTIFICATE)) {
            findings.add(Finding.of(FindingCode.NO_CERTIFICATE, json
                    ? "the JSON secret has no certificate: put the leaf certificate's PEM (BEGIN CERTIFICATE) in"
                            + " \"certificate\"" + members(memberNames)
                    : "the bundle has no certificate (BEGIN CERTIFICATE block)"));
        }
        if (keyBlocks.isEmpty()) {
            if (unreadable.contains(Piece.KEY)) {
                return;
            }
            findings.add(Finding.of(FindingCode.NO_PRIVATE_KEY, json
                    ? "the JSON secret has no private key: put the PKCS#8 PEM (BEGIN PRIVATE KEY) in \"privateKey\""
                            + members(memberNames)
                    : "the bundle has no private key: append the leaf's PKCS#8 key (BEGIN PRIVATE KEY block)"));
        } else if (keyBlocks.size() > 1) {
            findings.add(Finding.of(FindingCode.MULTIPLE_PRIVATE_KEYS, "the bundle has " + keyBlocks.size()
                    + " private keys (at " + keyBlocks.stream().map(PemBlock::location).collect(Collectors.joining(", "))
                    + "); keep only the leaf certificate's key"));
        } else {
            switch (keyBlocks.getFirst()) {
                case PemBlock.Damaged damaged -> findings.add(Finding.of(FindingCode.PEM_MALFORMED, damaged.problem()));
                case PemBlock.Decoded decoded -> {
                    switch (KeyDecoder.decode(decoded, passphrase)) {
                        case KeyDecoder.Outcome.Read read -> {
                            findings.addAll(read.notes());
                            key = Optional.of(read.key());
                        }
                        case KeyDecoder.Outcome.Unreadable unreadable -> findings.add(unreadable.why());
                    }
                }
            }
        }
    }

    /**
     * The input read. A JSON certificate member that could not be read (a number, an array, text without PEM) counts
     * as one unread certificate, like a damaged CERTIFICATE block: the leaf is most likely in it, so validation does
     * not take an intermediate for the leaf, nor call the chain incomplete for the issuer it may hold.
     */
    private BundleInput result(Optional<DomainSid> domainSid) {
        int unread = certificateBlocks - certificates.size() + (unreadable.contains(Piece.CERTIFICATE) ? 1 : 0);
        return new BundleInput(certificates, unread, key, domainSid, findings);
    }

    private static String members(List<String> names) {
        return names.isEmpty() ? "" : " (the secret's members are " + String.join(", ", names) + ")";
    }

    private static Finding notPem(String where, String description) {
        return Finding.of(FindingCode.PEM_MALFORMED, where + " holds no PEM block (no \"-----BEGIN\" line): "
                + description);
    }

    private static Finding empty() {
        return Finding.of(FindingCode.PEM_MALFORMED, "the secret is empty; store the certificate chain and the private"
                + " key as PEM");
    }

    private static BundleInput tooLarge(int size, String unit) {
        BundleReader reader = new BundleReader();
        reader.findings.add(Finding.of(FindingCode.PEM_MALFORMED, "the secret is " + Describe.count(size) + " " + unit
                + " long, too large for a certificate bundle (a few kilobytes; certguard reads at most "
                + Describe.count(MAX_INPUT) + " " + unit + "), so it was not read"));
        return reader.result(Optional.empty());
    }

    /**
     * The bytes as text, when they are text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark
     * (what Windows editors write as "Unicode"), or anything that contains a BEGIN line, whatever binary surrounds it.
     * Empty for binary content such as DER or PKCS#12.
     */
    private static Optional<String> text(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return Optional.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return Optional.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        if (contains(bytes, BEGIN)) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
            return printable && !text.isEmpty() ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
