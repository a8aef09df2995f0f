package org.learningcommunities.lifecycle.system;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows kept for one transaction: read once within it, read again after its table was
 * written, never kept out of a transaction or beyond its end.
 */
class TransactionCacheTests {

	private final AtomicInteger reads = new AtomicInteger();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			complete();
		}
	}

	@Test
	void aRowIsReadOncePerTransaction() {
		begin();
		assertThat(read("a")).isEqualTo("a#1");
		assertThat(read("a")).isEqualTo("a#1");
		assertThat(read("b")).isEqualTo("b#2");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void writingTheTableForgetsWhatWasRead() {
		begin();
		read("a");
		TransactionCache.clear("lc_test");
		assertThat(read("a")).isEqualTo("a#2");
	}

	@Test
	void otherTablesAreKeptApart() {
		begin();
		read("a");
		TransactionCache.clear("lc_other");
		assertThat(read("a")).isEqualTo("a#1");
		assertThat(TransactionCache.get("lc_other", "a", () -> "other")).isEqualTo("other");
	}

	@Test
	void nothingIsKeptOutOfATransaction() {
		assertThat(read("a")).isEqualTo("a#1");
		assertThat(read("a")).isEqualTo("a#2");
		TransactionCache.put("lc_test", "b", "written");
		assertThat(TransactionCache.find("lc_test", "b")).isNull();
	}

	@Test
	void nothingIsKeptBeyondTheTransaction() {
		begin();
		read("a");
		TransactionCache.put("lc_test", "b", "written");
		assertThat(TransactionCache.find("lc_test", "b")).isEqualTo("written");
		complete();
		begin();
		assertThat(read("a")).isEqualTo("a#2");
		assertThat(TransactionCache.find("lc_test", "b")).isNull();
	}

	private String read(String key) {
		return TransactionCache.get("lc_test", key, () -> key + "#" + this.reads.incrementAndGet());
	}

	private static void begin() {
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);
	}

	private static void complete() {
		TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
				TransactionSynchronization.STATUS_COMMITTED);
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

}
