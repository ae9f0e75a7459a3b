package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.PolicyJson;
import com.huibao.gateway.codec.ProblemJson;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCases;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.policy.PolicyBook;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code adjudicate --plans P.json[,P2.json] --lists L.json[,L2.csv] --policies Q.json [--accumulators A.json]
 * [--profiles DIR] [--institutions DIR[,DIR]] S.json|-}: the benefit engine offline, for insurers checking a plan
 * and for batch replays. Settlements in either spelling (flat document or national bundle, docs/SETTLEMENTS.md),
 * read with the regional profiles of {@code --profiles} (default {@code config/profiles}, else those in the jar)
 * and the institution registry of {@code --institutions} (default {@code config/institutions} when present). With
 * {@code -} it streams NDJSON: one settlement (or {@code {"settlement": …, "accumulators": …}}) per line in, one
 * result or problem per line out, in input order, on {@code --threads} threads (default: one per core; the output is
 * the same bytes whatever the number). {@code --check-only} reads and validates each settlement without
 * adjudicating it and writes only the problems: a check of a file, and the ceiling a replay is measured against.
 */
public final class AdjudicateCommand {
    static final String USAGE =
            "usage: adjudicate --plans P.json[,P2.json] --lists L.json[,L.csv...] --policies Q.json "
                    + "[--accumulators A.json] [--profiles DIR] [--institutions DIR[,DIR...]] "
                    + "[--threads N] [--check-only] (S.json | -)";

    private final ListCatalog lists;
    private final Map<String, Plan> plans;
    private final PolicyBook policies;
    private final Map<String, Accumulators> accumulators;
    private final BenefitEngine engine;
    private final SettlementReader reader;
    private final SettlementValidator validator;

    AdjudicateCommand(
            ListCatalog lists,
            Map<String, Plan> plans,
            List<Policy> policies,
            Map<String, Accumulators> accumulators,
            SettlementReader reader,
            Institutions institutions) {
        this.lists = lists;
        this.plans = plans;
        this.policies = new PolicyBook(policies);
        this.accumulators = accumulators;
        this.engine = new BenefitEngine(lists, institutions);
        this.reader = reader;
        this.validator = new SettlementValidator(reader.dialects().validationProfiles());
    }

    /** Runs the command; returns the process exit code (0 ok, 1 invalid single settlement, 2 usage/config error). */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        String input = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check-only")) {
                opts.put("check-only", "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else if (input == null) {
                input = a;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (input == null || !opts.containsKey("plans") || !opts.containsKey("policies")) {
            err.println(USAGE);
            return 2;
        }
        int threads;
        try {
            threads = Integer.parseInt(opts.getOrDefault(
                    "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1) {
            err.println("--threads must be a whole number ≥ 1\n" + USAGE);
            return 2;
        }
        boolean checkOnly = opts.containsKey("check-only");
        AdjudicateCommand command;
        try {
            command = load(opts);
        } catch (InvalidDocumentException e) {
            err.println("invalid configuration document: " + e.getMessage());
            for (Violation v : e.violations()) {
                err.println("  " + v.field() + " [" + v.code() + "] " + v.detail());
            }
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot load documents: " + e.getMessage());
            return 2;
        }
        try {
            if ("-".equals(input)) {
                OutputStream o = new BufferedOutputStream(out, 1 << 16);
                new NdjsonReplay(checkOnly ? command::checkLine : command::answerLine, threads).run(in, o);
                o.flush();
                return 0;
            }
            JsonNode doc = Json.parse(Files.readAllBytes(Path.of(input)));
            JsonNode result = checkOnly ? command.check(doc) : command.adjudicate(doc, null);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (result != null) {
                w.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
                w.write('\n');
            }
            w.flush();
            return result != null && isProblem(result) ? 1 : 0;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return 2;
        } catch (InvalidDocumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static AdjudicateCommand load(Map<String, String> opts) throws IOException {
        OfflineReference ref = OfflineReference.load(opts);
        List<Policy> policies = PolicyJson.readAll(Json.parse(Files.readAllBytes(Path.of(opts.get("policies")))));
        Map<String, Accumulators> accumulators = opts.containsKey("accumulators")
                ? AccumulatorsJson.readAll(Json.parse(Files.readAllBytes(Path.of(opts.get("accumulators")))))
                : Map.of();
        return new AdjudicateCommand(
                ref.lists(), ref.plans(), policies, accumulators, ref.reader(), ref.institutions());
    }

    /** One NDJSON line → its result (or its problem, with the line number) and a line end. */
    private byte[] answerLine(byte[] line, long n) {
        JsonNode problem;
        try {
            JsonNode doc = Json.parse(line);
            Adjudication a;
            if (doc.has("settlement")) {
                JsonNode acc = doc.get("accumulators");
                a = adjudicated(
                        doc.get("settlement"), acc == null || acc.isNull() ? null : AccumulatorsJson.readAll(acc));
            } else {
                a = adjudicated(doc, null);
            }
            // written straight to bytes: no tree built and walked again (docs/PERFORMANCE.md, Offline replay)
            byte[] json = AdjudicationJson.bytes(a, g -> {});
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (InvalidDocumentException e) {
            problem = ProblemJson.of(e, "SETTLEMENT");
        }
        return lineOf(problem, n);
    }

    /** {@code --check-only}: a line's problem, or nothing when it reads and validates as a settlement. */
    private byte[] checkLine(byte[] line, long n) {
        JsonNode problem;
        try {
            JsonNode doc = Json.parse(line);
            problem = check(doc.has("settlement") ? doc.get("settlement") : doc);
        } catch (InvalidDocumentException e) {
            problem = ProblemJson.of(e, "SETTLEMENT");
        }
        return problem == null ? new byte[0] : lineOf(problem, n);
    }

    private static byte[] lineOf(JsonNode result, long n) {
        if (isProblem(result)) {
            ((ObjectNode) result).put("line", n);
        }
        byte[] json = Json.bytes(result);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    private static boolean isProblem(JsonNode result) {
        return result.has("status") && result.has("code");
    }

    /** Reads and validates a settlement into the domain, adjudicating nothing: its problem, or null when valid. */
    JsonNode check(JsonNode doc) {
        try {
            List<Violation> violations = validator.validate(reader.read(doc, null));
            return violations.isEmpty()
                    ? null
                    : ProblemJson.of(InvalidDocumentException.inconsistent(violations), "SETTLEMENT");
        } catch (InvalidDocumentException e) {
            return ProblemJson.of(e, "SETTLEMENT");
        }
    }

    /** One settlement → its result, or a problem document when it is invalid. */
    JsonNode adjudicate(JsonNode doc, Map<String, Accumulators> lineAccumulators) {
        try {
            return AdjudicationJson.write(adjudicated(doc, lineAccumulators));
        } catch (InvalidDocumentException e) {
            return ProblemJson.of(e, "SETTLEMENT");
        }
    }

    /** One settlement, read, validated and adjudicated; invalid ones throw. */
    private Adjudication adjudicated(JsonNode doc, Map<String, Accumulators> lineAccumulators) {
        Settlement s = reader.read(doc, null);
        List<Violation> violations = validator.validate(s);
        if (!violations.isEmpty()) {
            throw InvalidDocumentException.inconsistent(violations);
        }
        Map<String, Accumulators> acc = lineAccumulators == null ? accumulators : lineAccumulators;
        return engine.adjudicate(
                s,
                PolicyCases.forPatient(
                        s.setlinfo(),
                        policies.of(s.setlinfo().psnCertType(), s.setlinfo().certno()),
                        plans,
                        acc));
    }
}
