package io.certguard.bundle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the leaf's chain in the issuer graph: a breadth-first search from the leaf to the nearest self-signed
 * certificate, so each certificate is visited once whatever cross-signatures and loops the bundle holds. With several
 * routes (a cross-signed intermediate next to the original) the shortest wins, and among equals the one given first.
 * When no root is reachable the chain is the longest route found, and its end says what is missing.
 */
final class ChainBuilder {

    private ChainBuilder() {
    }

    static Chain build(ParsedCertificate leaf, IssuerGraph graph) {
        Map<ParsedCertificate, ParsedCertificate> reachedFrom = new HashMap<>();
        Map<ParsedCertificate, Integer> depth = new HashMap<>();
        Deque<ParsedCertificate> queue = new ArrayDeque<>();
        queue.add(leaf);
        depth.put(leaf, 0);
        ParsedCertificate deepest = leaf;
        while (!queue.isEmpty()) {
            ParsedCertificate current = queue.poll();
            if (graph.isSelfSigned(current)) {
                return new Chain(path(current, reachedFrom), new Chain.End.Root());
            }
            if (depth.get(current) > depth.get(deepest)) {
                deepest = current;
            }
            for (ParsedCertificate issuer : graph.issuers(current)) {
                if (!depth.containsKey(issuer)) {
                    depth.put(issuer, depth.get(current) + 1);
                    reachedFrom.put(issuer, current);
                    queue.add(issuer);
                }
            }
        }
        return new Chain(path(deepest, reachedFrom), end(deepest, graph));
    }

    private static Chain.End end(ParsedCertificate last, IssuerGraph graph) {
        if (graph.hasBrokenSelfSignature(last)) {
            return new Chain.End.BadSignature(last);
        }
        return graph.first(last, IssuerGraph.Link.BAD_SIGNATURE).<Chain.End>map(Chain.End.BadSignature::new)
                .or(() -> graph.first(last, IssuerGraph.Link.OTHER_KEY).map(Chain.End.OtherKey::new))
                .orElseGet(() -> new Chain.End.MissingIssuer(last.issuer()));
    }

    private static List<ParsedCertificate> path(ParsedCertificate end, Map<ParsedCertificate, ParsedCertificate> reachedFrom) {
        List<ParsedCertificate> path = new ArrayList<>();
        for (ParsedCertificate c = end; c != null; c = reachedFrom.get(c)) {
            path.add(c);
        }
        Collections.reverse(path);
        return path;
    }
}
