package org.grantflow.notifications.email;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) for the service to send to and the tests to read back. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static final Map<String, SlowRecipient> SLOW = new ConcurrentHashMap<>();

    /**
     * A recipient whose server does not answer the first email to it until {@link #answer()} (or 30 s
     * at most): the sender waits for its reply to the message as for a slow mail server's.
     */
    public static final class SlowRecipient {

        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch answered = new CountDownLatch(1);

        /** Whether an email to it is being received. */
        public boolean reached() {
            return reached.getCount() == 0;
        }

        public void answer() {
            answered.countDown();
        }

        private void receive() {
            reached.countDown();
            try {
                answered.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Makes the server slow to answer the first email to an address. */
    public static SlowRecipient slow(String address) {
        SlowRecipient recipient = new SlowRecipient();
        SLOW.put(address, recipient);
        return recipient;
    }

    /** The running server, to read received mail from. */
    public static synchronized GreenMail server() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            MessageDeliveryHandler deliver = server.getUserManager().getMessageDeliveryHandler();
            server.getUserManager().setMessageDeliveryHandler((message, address) -> {
                SlowRecipient slow = SLOW.remove(address.getEmail());
                if (slow != null) {
                    slow.receive();
                }
                return deliver.handle(message, address);
            });
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // Lives for the whole test JVM, like the broker.
    }
}
