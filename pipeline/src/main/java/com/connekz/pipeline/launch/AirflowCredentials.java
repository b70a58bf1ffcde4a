package com.connekz.pipeline.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How requests to Airflow authenticate, taken from the environment. The secrets never appear in
 * {@link #toString()}, messages or logs; only {@link #authorization()} reveals them, for the header.
 */
public sealed interface AirflowCredentials {
    String TOKEN = "AIRFLOW_TOKEN";
    String USERNAME = "AIRFLOW_USERNAME";
    String PASSWORD = "AIRFLOW_PASSWORD";

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** Airflow 3: a JWT from {@code AIRFLOW_TOKEN}. */
    record Bearer(String token) implements AirflowCredentials {
        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer[" + TOKEN + "]";
        }
    }

    /** Airflow 2: basic authentication from {@code AIRFLOW_USERNAME} and {@code AIRFLOW_PASSWORD}. */
    record Basic(String username, String password) implements AirflowCredentials {
        @Override
        public String authorization() {
            String pair = username + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + USERNAME + "]";
        }
    }

    /**
     * The credentials the environment holds: a token wins over a username and password.
     *
     * @throws AirflowException with reason {@code AUTHENTICATION} when neither is complete
     */
    static AirflowCredentials fromEnvironment(Map<String, String> environment) {
        String token = environment.get(TOKEN);
        if (token != null && !token.isBlank()) {
            return new Bearer(token.strip());
        }
        String username = environment.get(USERNAME);
        String password = environment.get(PASSWORD);
        if (username != null && !username.isBlank() && password != null && !password.isEmpty()) {
            return new Basic(username, password);
        }
        throw new AirflowException(AirflowException.Reason.AUTHENTICATION,
                "no Airflow credentials: set " + TOKEN + " (Airflow 3), or " + USERNAME + " and " + PASSWORD
                        + " (Airflow 2)");
    }
}
