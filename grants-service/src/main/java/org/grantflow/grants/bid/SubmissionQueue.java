package org.grantflow.grants.bid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.grants.problem.DomainException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Submissions that arrive together are written together: one writer thread takes every submission
 * waiting, locks their bids in one statement, decides each on its own and writes all their moves in
 * one round trip and one commit (group commit). Under load a submission waits for the commit of the
 * group before it rather than for a connection, a lock and a disk flush of its own; alone, it is
 * written at once. A group that fails to write is written again one submission at a time, so one
 * bad submission answers with its own error and never with another's.
 */
@ApplicationScoped
public class SubmissionQueue {

    private static final Logger LOG = Logger.getLogger(SubmissionQueue.class);
    /** The most submissions one transaction takes. */
    private static final int GROUP = 200;

    /** How one submission is decided once its bid is locked: the move to write, or a {@link DomainException}. */
    @FunctionalInterface
    public interface Decision {
        BidSubmissions.Move decide(BidSubmissions.Draft draft);
    }

    private record Pending(UUID bidId, Decision decision, CompletableFuture<BidView> answer) {
    }

    private final BidSubmissions submissions;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeUntilStopped, "bid-submission-writer");
    private volatile boolean running = true;

    SubmissionQueue(BidSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostConstruct
    void start() {
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is waiting, then stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    /**
     * Submits the bid and waits until its group is committed.
     *
     * @return the bid as submitted
     * @throws DomainException as the decision refused it, or 404 if there is no such bid
     */
    public BidView submit(UUID bidId, Decision decision) {
        if (!running) {
            throw new IllegalStateException("The service is stopping");
        }
        Pending pending = new Pending(bidId, decision, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return pending.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many submissions wait for the writer. */
    int waiting() {
        return waiting.size();
    }

    private void writeUntilStopped() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(p -> p.answer.completeExceptionally(e));
                return;
            } catch (RuntimeException | Error e) {
                group.forEach(p -> p.answer.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** Writes the group in one transaction or, if that fails, each of its submissions in its own. */
    private void write(List<Pending> group) {
        try {
            inOneTransaction(group);
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                throw e;
            }
            LOG.warnf("A group of %d submissions failed (%s); writing them one by one", group.size(), e.getMessage());
            for (Pending pending : group) {
                try {
                    inOneTransaction(List.of(pending));
                } catch (RuntimeException alone) {
                    pending.answer.completeExceptionally(alone);
                }
            }
        }
    }

    /** Answers the group's submissions only once their moves are committed. */
    private void inOneTransaction(List<Pending> group) {
        List<Runnable> answers = new ArrayList<>(group.size());
        QuarkusTransaction.requiringNew().run(() -> {
            Map<UUID, BidSubmissions.Draft> drafts = submissions.lock(group.stream().map(Pending::bidId).toList());
            List<BidSubmissions.Move> moves = new ArrayList<>(group.size());
            for (Pending pending : group) {
                BidSubmissions.Draft draft = drafts.get(pending.bidId);
                try {
                    if (draft == null) {
                        throw DomainException.notFound("bid", pending.bidId);
                    }
                    BidSubmissions.Move move = pending.decision.decide(draft);
                    moves.add(move);
                    BidView submitted = BidView.of(move.bid());
                    answers.add(() -> pending.answer.complete(submitted));
                } catch (DomainException refused) {
                    answers.add(() -> pending.answer.completeExceptionally(refused));
                }
            }
            submissions.write(moves);
        });
        answers.forEach(Runnable::run);
    }
}
