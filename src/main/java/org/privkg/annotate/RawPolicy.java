package org.privkg.annotate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyText;

/** A policy as published, text or web page, as the plain text the annotator reads. */
public final class RawPolicy {
    private RawPolicy() {
    }

    /**
     * @param charset the encoding asked for (--encoding), or null: UTF-8 for text, and for a page what it says
     * @return the text, or empty with the reason in d (text that is not valid in its encoding)
     */
    public static Optional<String> text(String name, byte[] bytes, Charset charset, Diagnostics d) {
        if (HtmlPolicy.isHtml(name, bytes)) return Optional.of(HtmlPolicy.text(bytes, charset));
        return PolicyText.decode(bytes, charset == null ? StandardCharsets.UTF_8 : charset, d);
    }
}
