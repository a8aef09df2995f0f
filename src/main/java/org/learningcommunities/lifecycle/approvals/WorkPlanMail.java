package org.learningcommunities.lifecycle.approvals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.approvals.PartnerDirectory.Partner;
import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.reminders.MailService;
import org.learningcommunities.lifecycle.reminders.MailTemplates;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.springframework.stereotype.Component;

/**
 * The reminder a partner gets when a version of a work plan still waits for their
 * decision (template {@code work-plan-reminder}), in their language. Each partner is
 * reminded once per version (mail key {@code work-plan-reminder:<version id>:<partner>}).
 */
@Component
class WorkPlanMail {

	private static final Logger log = LoggerFactory.getLogger(WorkPlanMail.class);

	static final String REMINDER = "work-plan-reminder";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final MailTemplates templates;

	private final MailService mail;

	private final PartnerDirectory partners;

	WorkPlanMail(MailTemplates templates, MailService mail, PartnerDirectory partners) {
		this.templates = templates;
		this.mail = mail;
		this.partners = partners;
	}

	void remind(String partnerId, Community community, int year, PlanVersion version, LocalDate deadline) {
		Partner partner = this.partners.find(partnerId).orElse(null);
		if (partner == null || !partner.hasEmail()) {
			log.warn("Partner {} of community {} has no email: not reminded of the work plan of year {}", partnerId,
					community.code(), year);
			return;
		}
		Mail rendered = this.templates.render(
				REMINDER, partner.language(), Map.of("fullName", partner.name(), "communityName", community.name(),
						"planYear", year, "version", version.version(), "deadline", DATE.format(deadline)),
				community.name(), year);
		this.mail.sendOnce(REMINDER + ":" + version.id() + ":" + partnerId, partner.email(), rendered.subject(),
				rendered.html(), rendered.text());
	}

}
