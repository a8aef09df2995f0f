package org.learningcommunities.lifecycle.reminders;

import java.time.Clock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail at most once per mail key.
 * <p>
 * Called from asynchronous service tasks. Each mail runs in a transaction of its own
 * (docs/adr/0011-each-mail-commits-its-own-log-row.md): the log row is written first,
 * then the mail goes to the SMTP server, then the row commits. If sending fails the
 * exception rolls the row back and fails the job, which the engine retries (the model's
 * {@code failedJobRetryTimeCycle}, then an incident). A job that mails several people and
 * fails halfway keeps the rows of the mails that went out, so its retry sends only the
 * others.
 * <p>
 * What remains: the SMTP server accepted the mail but the row then failed to commit (the
 * database went away in between). The job is retried and the mail goes out a second time.
 * Sending after the commit instead would lose the mail in the opposite case; a duplicate
 * is the lesser harm for the mail we send.
 */
@Service
public class MailService {

	private static final Logger log = LoggerFactory.getLogger(MailService.class);

	/** The header that carries the mail's key in the sent log. */
	public static final String MAIL_KEY_HEADER = "X-Lifecycle-Mail-Key";

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
	 * the caller's job must fail so that the mail is tried again
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean sendOnce(String mailKey, String to, String subject, String html, String text) {
		return send(mailKey, to, new Mail(subject, html, text));
	}

	/**
	 * Sends a rendered mail with its attachments, unless a mail with the same key was
	 * sent before; as {@link #sendOnce(String, String, String, String, String)}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean sendOnce(String mailKey, String to, Mail mail, Attachment... attachments) {
		return send(mailKey, to, mail, attachments);
	}

	/** Whether the mail with this key was sent. */
	@Transactional(readOnly = true)
	public boolean wasSent(String mailKey) {
		return this.sent.exists(mailKey);
	}

	/** How many mails whose key begins with the prefix were sent to the recipient. */
	@Transactional(readOnly = true)
	public int countSent(String mailKeyPrefix, String to) {
		return this.sent.count(mailKeyPrefix, to);
	}

	private boolean send(String mailKey, String to, Mail mail, Attachment... attachments) {
		if (this.sent.exists(mailKey)) {
			log.info("Mail {} was sent before; not sending it again", mailKey);
			return false;
		}
		// first the row: a second job sending the same mail at the same moment fails on
		// the unique key instead of sending it twice
		this.sent.insert(mailKey, to, mail.subject(), this.clock.instant());
		this.sender.send(message(mailKey, to, mail, attachments));
		log.info("Mail {} sent", mailKey);
		return true;
	}

	private MimeMessage message(String mailKey, String to, Mail mail, Attachment... attachments) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(mail.subject());
			// the sent log's key travels with the mail: support (and the crash and
			// cluster tests) match what a
			// mailbox received against lc_mail_log
			message.setHeader(MAIL_KEY_HEADER, mailKey);
			helper.setText(mail.text(), mail.html());
			for (Attachment attachment : attachments) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

	/** A file sent with a mail, such as a calendar invitation. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

}
