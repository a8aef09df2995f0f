package org.learningcommunities.lifecycle.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the privacy notice of the public application page says that differs between
 * deployments ({@code lifecycle.privacy.*}): who holds the data and how to reach them,
 * the notice's version (stored with each candidate's confirmation: change it whenever the
 * notice's text changes), and how long what is kept.
 *
 * @param controllerName the legal owner of the database, as the notice names it
 * @param contactEmail where a person asks to see, correct or erase their data
 * @param noticeVersion the version of the notice's text the candidates confirm
 * @param retention how long each kind of personal data is kept
 */
@ConfigurationProperties("lifecycle.privacy")
public record PrivacyNotice(String controllerName, String contactEmail, String noticeVersion, Retention retention) {

	/**
	 * @param declinedApplication after a candidate was screened out, declined or withdrew
	 * (counted from the decision): their application is anonymised
	 * @param interviewNotes after a candidate was decided: the screening and interview
	 * notes are erased
	 * @param memberContact after the community's lifecycle ended: its members' names and
	 * contact details are anonymised
	 */
	public record Retention(Duration declinedApplication, Duration interviewNotes, Duration memberContact) {

		private static final double DAYS_IN_A_MONTH = 365.2425 / 12;

		public long declinedApplicationMonths() {
			return months(this.declinedApplication);
		}

		public long interviewNotesMonths() {
			return months(this.interviewNotes);
		}

		public long memberContactMonths() {
			return months(this.memberContact);
		}

		/**
		 * A period as the notice states it: whole months of the Gregorian calendar's
		 * average length, at least one.
		 */
		private static long months(Duration period) {
			return Math.max(1, Math.round(period.toDays() / DAYS_IN_A_MONTH));
		}

	}

}
