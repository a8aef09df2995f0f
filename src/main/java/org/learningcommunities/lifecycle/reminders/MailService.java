package org.learningcommunities.lifecycle.reminders;

import java.time.Clock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail at most once per mail key.
 * <p>
 * Called from an asynchronous service task, in the transaction of its job: the log row is
 * written first, then the mail goes to the SMTP server. If sending fails the exception
 * rolls the job's transaction back, log row included, and the engine retries the job (the
 * model's {@code failedJobRetryTimeCycle}, then an incident); when the job runs again
 * after a success, the row is found and nothing is sent.
 * <p>
 * What remains: the SMTP server accepted the mail but the transaction then failed to
 * commit (the database went away in between). The row is rolled back, the job is retried
 * and the mail goes out a second time. Sending after the commit instead would lose the
 * mail in the opposite case; a duplicate is the lesser harm for the mail we send.
 */
@Service
public class MailService {

	private static final Logger log = LoggerFactory.getLogger(MailService.class);

	private final JavaMailSender sender;

	private final MailLogRepository sent;

	private final Clock clock;

	private final String from;

	MailService(JavaMailSender sender, MailLogRepository sent, Clock clock,
			@Value("${lifecycle.mail.from}") String from) {
		this.sender = sender;
		this.sent = sent;
		this.clock = clock;
		this.from = from;
	}

	/**
	 * Sends a mail with an HTML and a plain-text part, unless a mail with the same key
	 * was sent before.
	 * @param mailKey what this mail is about, unique for all time (for example
	 * {@code candidate-admitted:42})
	 * @return {@code true} if it was sent now, {@code false} if it had been sent already
	 * @throws MailException when the mail server cannot be reached or refuses the mail:
	 * the caller's transaction must roll back so that the mail is tried again
	 */
	@Transactional
	public boolean sendOnce(String mailKey, String to, String subject, String html, String text) {
		if (this.sent.exists(mailKey)) {
			log.info("Mail {} was sent before; not sending it again", mailKey);
			return false;
		}
		// first the row: a second job sending the same mail at the same moment fails on
		// the unique key instead of sending it twice
		this.sent.insert(mailKey, to, subject, this.clock.instant());
		this.sender.send(message(to, subject, html, text));
		log.info("Mail {} sent", mailKey);
		return true;
	}

	private MimeMessage message(String to, String subject, String html, String text) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

}
