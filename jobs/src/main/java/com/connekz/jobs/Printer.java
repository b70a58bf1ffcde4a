package com.connekz.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Prints a command's result: readable text for people, or the same as one JSON line with --json. */
final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Printer() {}

    static void print(PrintWriter out, boolean json, Object result, String text) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot print the result as JSON", e);
            }
        } else {
            out.print(text);
        }
        out.flush();
    }
}
