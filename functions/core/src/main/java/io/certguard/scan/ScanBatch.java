package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.lambda.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A share of one scan run's domains, handed to another invocation of the scan function through its queue. The run id
 * and batch id together name the batch: a redelivered or re-sent batch has the same name, which {@link BatchClaims}
 * uses so that each batch is checked once.
 *
 * @param runId   the scheduled run the batch belongs to (the EventBridge event's id: a retried delivery of the same
 *                schedule event makes the same batches)
 * @param batchId unique within the run; a continuation of batch {@code b} is {@code b.<hash of its domains>}
 * @param domains the domains to check, in order
 */
public record ScanBatch(String runId, String batchId, List<DomainSid> domains) {

    /** SQS accepts messages up to 256 KiB; 1,000 SIDs of 34 characters stay far below it. */
    public static final int MAX_DOMAINS = 1_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public ScanBatch {
        requireId(runId, "runId");
        requireId(batchId, "batchId");
        domains = List.copyOf(domains);
        if (domains.isEmpty() || domains.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException("a scan batch holds 1 to " + MAX_DOMAINS + " domains, not " + domains.size());
        }
    }

    private static void requireId(String id, String name) {
        Objects.requireNonNull(id, name);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 128 letters, digits or . _ : -");
        }
    }

    /** {@code domains} cut into batches of at most {@code size}, numbered from 1. */
    public static List<ScanBatch> split(String runId, List<DomainSid> domains, int size) {
        if (size < 1 || size > MAX_DOMAINS) {
            throw new IllegalArgumentException("batch size must be 1 to " + MAX_DOMAINS + ", not " + size);
        }
        List<ScanBatch> batches = new ArrayList<>();
        for (int from = 0; from < domains.size(); from += size) {
            batches.add(new ScanBatch(runId, Integer.toString(batches.size() + 1),
                    domains.subList(from, Math.min(domains.size(), from + size))));
        }
        return batches;
    }

    /**
     * The batch that carries on with {@code left}, the domains this batch did not reach. Named after its content, so a
     * batch taken over after a crash that leaves a different remainder makes a different continuation, never one
     * already marked done.
     */
    public ScanBatch continuation(List<DomainSid> left) {
        String joined = String.join(",", left.stream().map(DomainSid::value).toList());
        String suffix = HexFormat.of().formatHex(sha256(joined), 0, 6);
        String id = batchId.length() + 13 > 128 ? batchId.substring(0, 115) : batchId;
        return new ScanBatch(runId, id + "." + suffix, left);
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", runId);
        json.put("batchId", batchId);
        json.put("domains", domains.stream().map(DomainSid::value).toList());
        return Json.write(json);
    }

    /**
     * Reads a batch from a queue message body.
     *
     * @throws InvalidEventException naming what is wrong; such a message can never be processed
     */
    public static ScanBatch parse(String body) {
        try {
            JsonObject json = Json.parseObject(body);
            List<Object> sids = json.optionalArray("domains")
                    .orElseThrow(() -> new IllegalArgumentException("no \"domains\" array"));
            List<DomainSid> domains = new ArrayList<>(sids.size());
            for (Object sid : sids) {
                if (!(sid instanceof String s) || !DomainSid.isValid(s)) {
                    throw new IllegalArgumentException("\"domains\" lists something that is not a domain SID (a "
                            + Json.typeName(sid) + ")");
                }
                domains.add(new DomainSid(s));
            }
            return new ScanBatch(json.string("runId"), json.string("batchId"), domains);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new InvalidEventException("not a scan batch: " + e.getMessage());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
