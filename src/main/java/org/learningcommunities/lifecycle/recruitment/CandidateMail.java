package org.learningcommunities.lifecycle.recruitment;

import java.util.Map;

import org.learningcommunities.lifecycle.reminders.MailService;
import org.learningcommunities.lifecycle.reminders.MailTemplates;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.springframework.stereotype.Component;

/**
 * The mail that tells a candidate the outcome, in their language: the templates
 * {@code candidate-admitted} and {@code candidate-declined}, with the community's name.
 * Each candidate gets each mail once (mail key {@code <template>:<candidate id>}).
 */
@Component
class CandidateMail {

	static final String ADMITTED = "candidate-admitted";

	static final String DECLINED = "candidate-declined";

	private final MailTemplates templates;

	private final MailService mail;

	CandidateMail(MailTemplates templates, MailService mail) {
		this.templates = templates;
		this.mail = mail;
	}

	void tell(Candidate candidate, String communityName, boolean admitted) {
		String template = admitted ? ADMITTED : DECLINED;
		Mail rendered = this.templates.render(template, candidate.language(),
				Map.of("fullName", candidate.fullName(), "communityName", communityName), communityName);
		this.mail.sendOnce(template + ":" + candidate.id(), candidate.email(), rendered.subject(), rendered.html(),
				rendered.text());
	}

}
