package org.learningcommunities.lifecycle.reminders;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table lc_mail_log (V5): one row per mail sent, by mail key.
 */
@Repository
class MailLogRepository {

	private final JdbcClient jdbc;

	MailLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String mailKey) {
		return this.jdbc.sql("select count(*) from lc_mail_log where mail_key = ?")
			.param(mailKey)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * How many mails whose key begins with the prefix went to the recipient (the prefix
	 * holds no SQL wildcard).
	 */
	int count(String mailKeyPrefix, String recipient) {
		return this.jdbc.sql("select count(*) from lc_mail_log where mail_key like ? and recipient = ?")
			.params(mailKeyPrefix + "%", recipient)
			.query(Integer.class)
			.single();
	}

	void insert(String mailKey, String recipient, String subject, Instant sentAt) {
		this.jdbc.sql("insert into lc_mail_log (mail_key, recipient, subject, sent_at) values (?, ?, ?, ?)")
			.params(mailKey, recipient, subject, Timestamp.from(sentAt))
			.update();
	}

}
