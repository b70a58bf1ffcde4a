package com.connekz.pipeline.redact;

import com.connekz.pipeline.redact.ner.NameFinderModels;
import com.connekz.pipeline.redact.recognizers.ContextNameRecognizer;
import com.connekz.pipeline.redact.recognizers.CreditCardRecognizer;
import com.connekz.pipeline.redact.recognizers.DateOfBirthRecognizer;
import com.connekz.pipeline.redact.recognizers.DenyListRecognizer;
import com.connekz.pipeline.redact.recognizers.EmailRecognizer;
import com.connekz.pipeline.redact.recognizers.GazetteerNameRecognizer;
import com.connekz.pipeline.redact.recognizers.IbanRecognizer;
import com.connekz.pipeline.redact.recognizers.IpAddressRecognizer;
import com.connekz.pipeline.redact.recognizers.IrdRecognizer;
import com.connekz.pipeline.redact.recognizers.NameLists;
import com.connekz.pipeline.redact.recognizers.NhiRecognizer;
import com.connekz.pipeline.redact.recognizers.NzAddressRecognizer;
import com.connekz.pipeline.redact.recognizers.NzBankAccountRecognizer;
import com.connekz.pipeline.redact.recognizers.NzDriverLicenceRecognizer;
import com.connekz.pipeline.redact.recognizers.NzPassportRecognizer;
import com.connekz.pipeline.redact.recognizers.NzbnRecognizer;
import com.connekz.pipeline.redact.recognizers.OpenNlpNameRecognizer;
import com.connekz.pipeline.redact.recognizers.PhoneRecognizer;
import com.connekz.pipeline.redact.recognizers.SecretRecognizer;
import com.connekz.pipeline.redact.recognizers.SocialHandleRecognizer;
import com.connekz.pipeline.redact.recognizers.UnknownNameRecognizer;
import com.connekz.pipeline.redact.recognizers.OrdinaryWords;
import com.connekz.pipeline.redact.recognizers.SpokenNumberRecognizer;
import com.connekz.pipeline.redact.recognizers.UrlRecognizer;
import com.connekz.pipeline.redact.recognizers.UsSsnRecognizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The recognizers an engine runs: every built-in one whose types the policy enables. */
public final class RecognizerRegistry {
    private final List<Recognizer> recognizers;

    private RecognizerRegistry(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
    }

    /**
     * All built-in recognizers the policy needs; the OpenNLP name finder is included when the policy
     * asks for it and the model is on the classpath ({@link #hasNameFinder()} tells which).
     */
    public static RecognizerRegistry forPolicy(RedactionPolicy policy) {
        NameLists names = NameLists.shared();
        List<Recognizer> all = new ArrayList<>(List.of(
                new EmailRecognizer(), new PhoneRecognizer(), new SpokenNumberRecognizer(), new CreditCardRecognizer(),
                new IbanRecognizer(), new IpAddressRecognizer(), new UrlRecognizer(), new IrdRecognizer(),
                new NhiRecognizer(), new NzBankAccountRecognizer(), new NzbnRecognizer(), new NzDriverLicenceRecognizer(),
                new NzPassportRecognizer(), new UsSsnRecognizer(), new NzAddressRecognizer(), new DateOfBirthRecognizer(),
                new SecretRecognizer(), new SocialHandleRecognizer(), new GazetteerNameRecognizer(names),
                new ContextNameRecognizer(names),
                new UnknownNameRecognizer(OrdinaryWords.shared(), names)));
        DenyListRecognizer denyList = new DenyListRecognizer(policy.denyList());
        if (!denyList.isEmpty()) {
            all.add(denyList);
        }
        if (policy.nameFinder()) {
            NameFinderModels.load().ifPresent(model -> all.add(new OpenNlpNameRecognizer(model, policy.nameFinderScope())));
        }
        return new RecognizerRegistry(all.stream()
                .filter(recognizer -> recognizer.types().stream().anyMatch(policy::enabled))
                .toList());
    }

    /** A registry of exactly these recognizers (for tests and benchmarks). */
    public static RecognizerRegistry of(List<Recognizer> recognizers) {
        return new RecognizerRegistry(recognizers);
    }

    public List<Recognizer> recognizers() {
        return Collections.unmodifiableList(recognizers);
    }

    public boolean hasNameFinder() {
        return recognizers.stream().anyMatch(recognizer -> recognizer instanceof OpenNlpNameRecognizer);
    }

    /** The same registry without the name finder (benchmarks compare the two). */
    public RecognizerRegistry withoutNameFinder() {
        return new RecognizerRegistry(recognizers.stream()
                .filter(recognizer -> !(recognizer instanceof OpenNlpNameRecognizer)).toList());
    }
}
