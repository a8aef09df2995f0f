package org.learningcommunities.lifecycle.privacy;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The candidates' confirmations of the privacy notice ({@code lc_privacy_consent}):
 * written in the transaction that stores the application, so that no application is kept
 * without one.
 */
@Repository
public class PrivacyConsents {

	private final JdbcClient jdbc;

	private final PrivacyNotice notice;

	PrivacyConsents(JdbcClient jdbc, PrivacyNotice notice) {
		this.jdbc = jdbc;
		this.notice = notice;
	}

	/** The candidate confirmed the notice of the current version at that moment. */
	public void recordConsent(long candidateId, Instant at) {
		this.jdbc.sql("insert into lc_privacy_consent (candidate_id, notice_version, accepted_at) values (?, ?, ?)")
			.params(candidateId, this.notice.noticeVersion(), Timestamp.from(at))
			.update();
	}

}
