package com.connekz.pipeline.redact.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.testing.TestEngines;
import com.connekz.pipeline.redact.RedactionPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryTest {
    private static final RedactionEngine ENGINE = RedactionEngine.of(RedactionPolicy.shipped(), TestEngines.KEY);

    @Test
    void theShippedCanaryIsRecalledAboveTheDefaultFloorForEveryType() {
        Evaluation evaluation = Canary.evaluate(ENGINE);
        System.out.print(evaluation.report());
        Map<String, Double> recall = Canary.recallByType(ENGINE);
        assertThat(recall).containsKeys(EntityTypes.PERSON, EntityTypes.NZ_IRD, EntityTypes.NZ_NHI, EntityTypes.NZ_BANK_ACCOUNT);
        assertThat(Canary.typesBelow(recall, 0.9)).isEmpty();
        assertThat(evaluation.tokens().precision()).isGreaterThan(0.9);
    }

    @Test
    void aDisabledTypeFallsBelowTheFloor() {
        RedactionPolicy shipped = RedactionPolicy.shipped();
        RedactionPolicy withoutIrd = new RedactionPolicy(shipped.version(),
                shipped.entities().stream().filter(type -> !type.equals(EntityTypes.NZ_IRD)).toList(),
                shipped.defaultThreshold(), shipped.thresholds(), shipped.contextBoost(), shipped.contextWindow(),
                shipped.context(), shipped.allowList(), shipped.denyList(), shipped.operators(), shipped.dropExample(),
                shipped.nameFinder(), shipped.propagateNames());
        Map<String, Double> recall = Canary.recallByType(RedactionEngine.of(withoutIrd, TestEngines.KEY));
        assertThat(Canary.typesBelow(recall, 0.9)).contains(EntityTypes.NZ_IRD);
    }
}
