package org.learningcommunities.lifecycle.recruitment;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.reminders.MailService;
import org.learningcommunities.lifecycle.reminders.MailTemplates;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail that tells a candidate the outcome, in their language: the templates
 * {@code candidate-admitted} and {@code candidate-declined}, with the community's name.
 * Each candidate gets each mail once (mail key {@code <template>:<candidate id>}).
 * {@code candidate-applied-again} tells an address that applied again that its first
 * application stands.
 */
@Component
class CandidateMail {

	private static final Logger log = LoggerFactory.getLogger(CandidateMail.class);

	static final String APPLIED_AGAIN = "candidate-applied-again";

	static final String ADMITTED = "candidate-admitted";

	static final String DECLINED = "candidate-declined";

	private final MailTemplates templates;

	private final MailService mail;

	/**
	 * Sends the mail about a repeated application off the request: the public answer must
	 * take as long whether the address applied before or not, and must not wait for the
	 * mail server.
	 */
	private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("candidate-mail-");

	CandidateMail(MailTemplates templates, MailService mail) {
		this.templates = templates;
		this.mail = mail;
		this.background.setConcurrencyLimit(2);
	}

	/**
	 * Tells the address of an earlier application that it applied again and that the
	 * first application stands, with what is stored (never what the repeated application
	 * says, which anyone could have sent), once per candidate, after the transaction
	 * commits. Not retried when the mail server is down: the address is told again if it
	 * applies again.
	 */
	void tellAppliedAgain(Candidate earlier, String communityName) {
		Runnable send = () -> {
			try {
				Mail rendered = this.templates.render(APPLIED_AGAIN, earlier.language(),
						Map.of("fullName", earlier.fullName(), "communityName", communityName), communityName);
				this.mail.sendOnce(APPLIED_AGAIN + ":" + earlier.id(), earlier.email(), rendered);
			}
			catch (RuntimeException ex) {
				log.warn("Mail {} to candidate {} not sent: {}", APPLIED_AGAIN, earlier.id(), ex.getMessage());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CandidateMail.this.background.execute(send);
				}
			});
		}
		else {
			this.background.execute(send);
		}
	}

	void tell(Candidate candidate, String communityName, boolean admitted) {
		String template = admitted ? ADMITTED : DECLINED;
		Mail rendered = this.templates.render(template, candidate.language(),
				Map.of("fullName", candidate.fullName(), "communityName", communityName), communityName);
		this.mail.sendOnce(template + ":" + candidate.id(), candidate.email(), rendered.subject(), rendered.html(),
				rendered.text());
	}

}
