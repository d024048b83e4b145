package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.RateLimit;

class BudgetTest {
    /** Time that moves only when the budget sleeps, or when a test says a call took a while. */
    private static final class FakeTicker implements Budget.Ticker {
        long now;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
        }
    }

    @Test
    void acquire_manyCallsWithSlowAnswers_neverMoreThanNInAnyWindowOfAnswerTimes() throws Exception {
        FakeTicker t = new FakeTicker();
        Budget budget = new Budget(RateLimit.parse("5/10s"), t);
        List<Long> answeredAt = new ArrayList<>();

        for (int i = 0; i < 23; i++) {
            budget.acquire();
            t.now += (i == 0 ? 900 : 30) * 1_000_000L;
            budget.answered();
            answeredAt.add(t.now);
        }

        for (int i = 5; i < answeredAt.size(); i++) {
            long sentAfter = answeredAt.get(i) - answeredAt.get(i - 5);
            assertTrue(sentAfter > Duration.ofSeconds(10).toNanos(), "call " + i + " came " + sentAfter + " ns after call " + (i - 5));
        }
        assertTrue(t.now < Duration.ofSeconds(4 * 10 + 4).toNanos(), "23 calls at 5/10s need 4 waits, took " + t.now);
    }

    @Test
    void acquire_underTheLimit_doesNotWait() throws Exception {
        FakeTicker t = new FakeTicker();
        Budget budget = new Budget(RateLimit.parse("100/5m"), t);

        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ZERO, budget.acquire());
        }
        assertEquals(Duration.ofSeconds(303).toNanos() + 1_000_000, budget.acquire().toNanos());
    }
}
