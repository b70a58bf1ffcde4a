package com.connekz.pipeline.launch;

import com.connekz.pipeline.config.PipelineConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small typed client of Airflow's stable REST API (v1 for Airflow 2, v2 for Airflow 3): trigger a
 * DAG run, read its state, wait until it finishes. Server errors and lost connections are retried
 * with back-off as {@link RetryPolicy} says; every other refusal fails at once with an
 * {@link AirflowException} whose reason says what went wrong. Credentials travel only in the
 * {@code Authorization} header (and, for Airflow 3 given a username and password, in the one request
 * that exchanges them for a token at {@code /auth/token}) and never appear in a message.
 */
public final class AirflowClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final URI apiRoot;
    private final String where;
    private final AirflowApi api;
    private final AirflowCredentials credentials;
    private final RetryPolicy retry;
    private final Clock clock;
    private final HttpClient http;
    private String authorization;

    public AirflowClient(URI baseUrl, AirflowApi api, AirflowCredentials credentials, RetryPolicy retry, Clock clock) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.baseUrl = URI.create(base + "/");
        this.apiRoot = URI.create(base + api.basePath() + "/");
        this.where = "Airflow at " + baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
        this.api = api;
        this.credentials = credentials;
        this.retry = retry;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The client that config key {@code airflow.*} and the environment's credentials describe. */
    public static AirflowClient fromConfig(PipelineConfig.AirflowSettings settings, Map<String, String> environment) {
        AirflowCredentials credentials = AirflowCredentials.fromEnvironment(environment);
        return new AirflowClient(URI.create(settings.url()), AirflowApi.resolve(settings.apiVersion(), credentials),
                credentials, RetryPolicy.standard(), Clock.systemUTC());
    }

    public AirflowApi api() {
        return api;
    }

    /**
     * Triggers a run of {@code dagId} with the given run id and conf, and returns it as Airflow
     * created it (normally {@code queued}). Airflow 3 also gets the logical date, which it requires.
     * A run id that exists already fails with {@code RUN_EXISTS} and is not retried, unless an earlier
     * try of this same call failed on the server side: then that try created it, and it is returned.
     */
    public DagRun trigger(String dagId, String runId, Map<String, ?> conf) {
        ObjectNode body = JSON.createObjectNode();
        body.put("dag_run_id", runId);
        if (api == AirflowApi.V2) {
            body.put("logical_date", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        body.set("conf", JSON.valueToTree(conf));
        Answer answer = send(() -> request("dags/" + segment(dagId) + "/dagRuns")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build(), "triggering DAG " + dagId);
        if (answer.status() == 409 && answer.attempts() > 1) {
            return get(dagId, runId);
        }
        return switch (answer.status()) {
            case 200, 201 -> dagRun(answer);
            case 404 -> throw new AirflowException(AirflowException.Reason.NOT_FOUND,
                    "DAG not found: " + dagId + detail(answer));
            case 409 -> throw new AirflowException(AirflowException.Reason.RUN_EXISTS,
                    "a run with id " + runId + " of DAG " + dagId + " exists already" + detail(answer));
            default -> throw refused(answer, "triggering DAG " + dagId);
        };
    }

    /** The run's current state as Airflow reports it. */
    public DagRun get(String dagId, String runId) {
        Answer answer = send(() -> request("dags/" + segment(dagId) + "/dagRuns/" + segment(runId)).GET().build(),
                "reading run " + runId);
        return switch (answer.status()) {
            case 200 -> dagRun(answer);
            case 404 -> throw new AirflowException(AirflowException.Reason.NOT_FOUND,
                    "DAG run not found: " + runId + " of DAG " + dagId + detail(answer));
            default -> throw refused(answer, "reading run " + runId);
        };
    }

    /**
     * Polls the run every {@code pollInterval} until it reaches a terminal state and returns it;
     * {@code onChange} hears the first state seen and every change after. Fails with
     * {@code TIMEOUT} when the run is still going after {@code timeout}.
     */
    public DagRun awaitCompletion(String dagId, String runId, Duration pollInterval, Duration timeout,
                                  Consumer<DagRun> onChange) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DagRunState last = null;
        while (true) {
            DagRun run = get(dagId, runId);
            if (run.state() != last) {
                onChange.accept(run);
                last = run.state();
            }
            if (run.state().terminal()) {
                return run;
            }
            if (System.nanoTime() + pollInterval.toNanos() > deadline) {
                throw new AirflowException(AirflowException.Reason.TIMEOUT,
                        "run " + runId + " of DAG " + dagId + " is still " + run.state() + " after " + timeout);
            }
            pause(pollInterval);
        }
    }

    private record Answer(int status, String body, int attempts) {}

    private Answer send(Supplier<HttpRequest> request, String what) {
        String lastProblem = "";
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Answer(response.statusCode(), response.body(), attempt);
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AirflowException(AirflowException.Reason.UNAVAILABLE, what + ": interrupted", e);
            }
            if (attempt < retry.attempts()) {
                pause(retry.backoffAfter(attempt));
            }
        }
        throw new AirflowException(AirflowException.Reason.UNAVAILABLE, what + ": " + where + " unavailable after "
                + retry.attempts() + " tries (last: " + lastProblem + ")");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(apiRoot.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", authorization());
    }

    /** Airflow 3 takes only bearer tokens: a username and password are exchanged for one, once. */
    private synchronized String authorization() {
        if (authorization == null) {
            authorization = api == AirflowApi.V2 && credentials instanceof AirflowCredentials.Basic basic
                    ? "Bearer " + token(basic) : credentials.authorization();
        }
        return authorization;
    }

    private String token(AirflowCredentials.Basic basic) {
        ObjectNode body = JSON.createObjectNode().put("username", basic.username()).put("password", basic.password());
        Answer answer = send(() -> HttpRequest.newBuilder(baseUrl.resolve("auth/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build(), "getting a token");
        if (answer.status() != 200 && answer.status() != 201) {
            throw refused(answer, "getting a token");
        }
        JsonNode token = read(answer.body()).path("access_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw new AirflowException(AirflowException.Reason.UNEXPECTED_RESPONSE, where + " answered no access_token");
        }
        return token.asText();
    }

    private AirflowException refused(Answer answer, String what) {
        if (answer.status() == 401 || answer.status() == 403) {
            return new AirflowException(AirflowException.Reason.AUTHENTICATION, what + ": " + where
                    + (answer.status() == 401 ? " did not accept the credentials" : " denied access")
                    + " (HTTP " + answer.status() + "); check " + (credentials instanceof AirflowCredentials.Bearer
                    ? AirflowCredentials.TOKEN : AirflowCredentials.USERNAME + " and " + AirflowCredentials.PASSWORD)
                    + " and airflow.api_version (" + api.name().toLowerCase(Locale.ROOT) + ")");
        }
        return new AirflowException(AirflowException.Reason.UNEXPECTED_RESPONSE,
                what + ": " + where + " answered HTTP " + answer.status() + detail(answer));
    }

    private DagRun dagRun(Answer answer) {
        JsonNode run = read(answer.body());
        if (!run.hasNonNull("dag_run_id") || !run.hasNonNull("state")) {
            throw new AirflowException(AirflowException.Reason.UNEXPECTED_RESPONSE,
                    where + " answered a DAG run without dag_run_id or state");
        }
        return new DagRun(run.path("dag_id").asText(null), run.get("dag_run_id").asText(),
                DagRunState.of(run.get("state").asText()));
    }

    /** Airflow's own explanation: {@code detail} (a text in v1, a text or a list in v2), on one line. */
    private static String detail(Answer answer) {
        JsonNode detail = readQuietly(answer.body()).path("detail");
        if (detail.isMissingNode() || detail.isNull()) {
            return "";
        }
        String text = detail.isTextual() ? detail.asText() : detail.toString();
        text = text.lines().findFirst().orElse("");
        return text.isBlank() ? "" : " (" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + ")";
    }

    private JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AirflowException(AirflowException.Reason.UNEXPECTED_RESPONSE, where + " answered something other than JSON");
        }
    }

    private static JsonNode readQuietly(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirflowException(AirflowException.Reason.UNAVAILABLE, "interrupted while waiting for Airflow", e);
        }
    }
}
