package org.learningcommunities.lifecycle.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@link MailService} with the mail server and the log mocked: the transaction that rolls
 * the log row back is the caller's, tested end to end in {@code CandidateAdmissionIT}.
 */
class MailServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final JavaMailSender sender = mock(JavaMailSender.class);

	private final MailLogRepository log = mock(MailLogRepository.class);

	private final MailService mail = new MailService(this.sender, this.log, Clock.fixed(NOW, ZoneOffset.UTC),
			"Learning Communities <no-reply@example.org>");

	@Test
	void aNewMailIsLoggedThenSent() {
		given(this.sender.createMimeMessage()).willReturn(new MimeMessage((Session) null));

		boolean sent = this.mail.sendOnce("candidate-admitted:1", "dana@example.org", "Subject", "<p>html</p>", "text");

		assertThat(sent).isTrue();
		var order = inOrder(this.log, this.sender);
		order.verify(this.log).insert("candidate-admitted:1", "dana@example.org", "Subject", NOW);
		order.verify(this.sender).send(any(MimeMessage.class));
	}

	@Test
	void aMailSentBeforeIsNotSentAgain() {
		given(this.log.exists("candidate-admitted:1")).willReturn(true);

		boolean sent = this.mail.sendOnce("candidate-admitted:1", "dana@example.org", "Subject", "<p>html</p>", "text");

		assertThat(sent).isFalse();
		verify(this.log, never()).insert(any(), any(), any(), any());
		verify(this.sender, never()).send(any(MimeMessage.class));
	}

	@Test
	void aMailServerThatIsDownFailsTheCaller() {
		given(this.sender.createMimeMessage()).willReturn(new MimeMessage((Session) null));
		willThrow(new MailSendException("Connection refused")).given(this.sender).send(any(MimeMessage.class));

		assertThatExceptionOfType(MailSendException.class).isThrownBy(
				() -> this.mail.sendOnce("candidate-admitted:1", "dana@example.org", "Subject", "<p>html</p>", "text"));
	}

}
