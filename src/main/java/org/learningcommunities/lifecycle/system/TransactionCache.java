package org.learningcommunities.lifecycle.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read again and again within one transaction, kept for that transaction only. One
 * engine command (a form submission with the listeners, handlers and grants it runs) asks
 * for the same community row a few times per task; the row changes only through its own
 * repository, which {@link #clear clears} the rows of its table when it writes. Out of a
 * transaction nothing is kept: each call reads the database, as before.
 */
public final class TransactionCache {

	private TransactionCache() {
	}

	/**
	 * The value kept under {@code table} and {@code key} in the current transaction, or
	 * what {@code read} returns (then kept).
	 */
	public static <T> T get(String table, Object key, Supplier<T> read) {
		Map<Object, Object> rows = rows(table);
		if (rows == null) {
			return read.get();
		}
		if (rows.containsKey(key)) {
			@SuppressWarnings("unchecked")
			T kept = (T) rows.get(key);
			return kept;
		}
		T value = read.get();
		rows.put(key, value);
		return value;
	}

	/**
	 * Keeps what the current transaction wrote under {@code table} and {@code key} (no-op
	 * out of a transaction).
	 */
	public static void put(String table, Object key, Object value) {
		Map<Object, Object> rows = rows(table);
		if (rows != null) {
			rows.put(key, value);
		}
	}

	/**
	 * What the current transaction kept under {@code table} and {@code key}, or
	 * {@code null}.
	 */
	public static Object find(String table, Object key) {
		Map<Object, Object> rows = rows(table);
		return (rows != null) ? rows.get(key) : null;
	}

	/** Forgets what the current transaction read of {@code table}: it was written. */
	public static void clear(String table) {
		Map<Object, Object> rows = rows(table);
		if (rows != null) {
			rows.clear();
		}
	}

	private static Map<Object, Object> rows(String table) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		String resource = TransactionCache.class.getName() + "." + table;
		@SuppressWarnings("unchecked")
		Map<Object, Object> rows = (Map<Object, Object>) TransactionSynchronizationManager.getResource(resource);
		if (rows == null) {
			Map<Object, Object> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(resource, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(resource);
				}

			});
			rows = created;
		}
		return rows;
	}

}
