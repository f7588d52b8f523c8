package org.grantflow.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook calls: {@code Grantflow-Signature: v1=<hex HMAC-SHA256 of timestamp + "." + body>}
 * with {@code Grantflow-Timestamp: <Unix seconds>}. A receiver recomputes the HMAC with its secret,
 * compares in constant time and refuses old timestamps, so a captured call cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "Grantflow-Signature";
    public static final String TIMESTAMP_HEADER = "Grantflow-Timestamp";
    public static final String DELIVERY_HEADER = "Grantflow-Delivery";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, hex, with a recognisable prefix. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** The value of the signature header for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
