package org.learningcommunities.lifecycle.approvals;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.LifecycleRestClient.with;
import static org.learningcommunities.lifecycle.LifecycleRestClient.without;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_DEADLINE_PASSED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_REMINDER_DUE;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVE_WORK_PLAN;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.DRAFT_WORK_PLAN;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.ESCALATE_WORK_PLAN_APPROVAL;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.REMIND_PARTNERS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.FOUNDATION;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.LEADER;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.MINISTRY;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.approve;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.plan;
import static org.learningcommunities.lifecycle.approvals.WorkPlanSteps.requestChanges;

/**
 * The work-plan approval end to end, as the leader, the partners and the project manager
 * meet it over HTTP: the engine REST API as Tasklist uses it, and
 * {@code /api/communities/{code}/work-plans}. Each community is registered in the
 * database and its approval started as the lifecycle calls it, under its business key
 * (the lifecycle's own journey is {@code EstablishmentJourneyIT}). A second community has
 * partners of its own, created here. The job executor is off: the test runs the timers
 * and the reminder's job itself ({@code POST /engine-rest/job/{id}/execute}), as an
 * operator would in Cockpit; the reminder goes to GreenMail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:work-plan-approval-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class WorkPlanApprovalIT {

	private static final String MANAGER = "manager";

	private static final String ADMIN = "admin";

	/** The partners of the other community (password = user id). */
	private static final String OTHER_FOUNDATION = "foundation-north";

	private static final String OTHER_MINISTRY = "ministry-north";

	private static final TestMailServer smtp = new TestMailServer();

	private static final GreenMail mailServer = smtp.server();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private IdentityService identity;

	private LifecycleRestClient client;

	private WorkPlanSteps steps;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.register(properties);
	}

	@BeforeAll
	static void startMailServer() {
		mailServer.start();
	}

	@AfterAll
	static void stopMailServer() {
		mailServer.stop();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new WorkPlanSteps(this.client);
		partner(OTHER_FOUNDATION);
		partner(OTHER_MINISTRY);
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void eachPartnerSeesAndDecidesOnlyTheirOwnApproval() {
		// given: two communities, each with partners of its own, whose plans the leader
		// drafted
		String code = community("wp-own", FOUNDATION, MINISTRY, 1);
		String other = community("wp-own-other", OTHER_FOUNDATION, OTHER_MINISTRY, 1);
		this.steps.draft(code, plan("version 1"));
		this.steps.draft(other, plan("version 1"));

		// then: each partner of the community sees one approval, their own, offered to
		// the partners
		JsonNode foundationTask = this.steps.approvalOf(FOUNDATION, code);
		JsonNode ministryTask = this.steps.approvalOf(MINISTRY, code);
		assertThat(foundationTask.path("assignee").asText()).isEqualTo(FOUNDATION);
		assertThat(ministryTask.path("assignee").asText()).isEqualTo(MINISTRY);
		assertThat(this.client.candidateGroups(MANAGER, foundationTask.path("id").asText()))
			.containsExactly(Groups.PARTNERS);
		JsonNode form = this.client.formVariables(FOUNDATION, foundationTask.path("id").asText());
		assertThat(form.path("planVersion").path("value").asInt()).isEqualTo(1);
		assertThat(form.path("goals").path("value").asText()).endsWith("version 1");
		assertThat(form.path("budgetTotal").path("value").asDouble()).isEqualTo(87000.0);
		assertThat(form.path("changesSinceLastVersion").path("value").asText()).contains("First version");

		// and neither the leader nor the other community's partners see them or can
		// decide them
		for (String outsider : List.of(LEADER, OTHER_FOUNDATION, OTHER_MINISTRY)) {
			assertThat(this.client.tasks(outsider, code, APPROVE_WORK_PLAN)).as("approvals %s sees", outsider)
				.isEmpty();
			for (JsonNode approval : List.of(foundationTask, ministryTask)) {
				String id = approval.path("id").asText();
				assertThat(this.client.get(outsider, "/engine-rest/task/" + id).status().value())
					.as("%s reads task %s", outsider, id)
					.isIn(403, 404);
				assertThat(this.client.get(outsider, "/engine-rest/task/" + id + "/form-variables").status().value())
					.as("%s reads the form of task %s", outsider, id)
					.isEqualTo(403);
				assertThat(this.client.submitTask(outsider, id, approve()).status().value())
					.as("%s decides task %s", outsider, id)
					.isEqualTo(403);
			}
		}
		assertThat(partnerApprovalsFilter(OTHER_FOUNDATION)).extracting((task) -> task.path("assignee").asText())
			.containsOnly(OTHER_FOUNDATION)
			.hasSize(1);

		// and one partner cannot decide for the other, nor the project manager for either
		Answer foundationForMinistry = this.client.submitTask(FOUNDATION, ministryTask.path("id").asText(), approve());
		assertThat(foundationForMinistry.status().value()).isEqualTo(403);
		Answer managerForFoundation = this.client.submitTask(MANAGER, foundationTask.path("id").asText(), approve());
		assertThat(managerForFoundation.status().value()).as("%s", managerForFoundation).isEqualTo(403);
		// in words for people, not the engine's (the engine API's gate words every
		// refusal)
		assertThat(managerForFoundation.message()).isNotBlank().doesNotContain("ENGINE-", "Exception");
		assertThat(decisions(code)).isZero();

		// when: each approves their own
		this.steps.approveAs(FOUNDATION, code, approve(1));
		this.steps.approveAs(MINISTRY, code, approve(1));

		// then: the plan is approved, and the approval has ended
		JsonNode approved = workPlan(FOUNDATION, code, 1);
		assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.path("approvedVersion").asInt()).isEqualTo(1);
		assertThat(approved.path("versions").get(0).path("decisions").findValuesAsText("partner"))
			.containsExactly(FOUNDATION, MINISTRY);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

		// and the plans are read by the community's people and project managers only
		assertThat(this.client.get(LEADER, "/api/communities/" + code + "/work-plans").status().value()).isEqualTo(200);
		assertThat(this.client.get(MANAGER, "/api/communities/" + code + "/work-plans").status().value())
			.isEqualTo(200);
		Answer otherPartner = this.client.get(OTHER_FOUNDATION, "/api/communities/" + code + "/work-plans");
		// another community's data answers as if it did not exist (docs/adr/0017)
		assertThat(otherPartner.status().value()).isEqualTo(404);
		assertThat(this.client.get(OTHER_FOUNDATION, "/api/communities/" + code + "/work-plans/1").status().value())
			.isEqualTo(404);
		assertThat(this.client.get(MANAGER, "/api/communities/no-such-community/work-plans").status().value())
			.isEqualTo(404);
	}

	@Test
	void partnerAskingForChangesGetsANewVersionThatBothApprove() {
		// given: the first version of year two's plan, and the advisory committee's
		// advice
		// on it
		String code = community("wp-changes", FOUNDATION, MINISTRY, 2);
		this.steps.draft(code, plan("version 1"));
		Answer advised = this.client.post(LEADER, "/api/communities/" + code + "/work-plans/2/versions/1/advice",
				Map.of("memberName", "Dr. Noa Adviser", "advice", "Budget the products conference"));
		assertThat(advised.status().value()).as("%s", advised).isEqualTo(201);
		JsonNode foundationTask = this.steps.approvalOf(FOUNDATION, code);
		assertThat(this.client.formVariables(FOUNDATION, foundationTask.path("id").asText())
			.path("advisoryAdvice")
			.path("value")
			.asText()).isEqualTo("Dr. Noa Adviser: Budget the products conference");

		// when: the foundation asks for changes to the budget
		Answer changes = this.client.submitTask(FOUNDATION, foundationTask.path("id").asText(),
				requestChanges("budgetComment", "Add the products conference"));
		assertThat(changes.status().value()).as("%s", changes).isEqualTo(204);

		// then: the ministry's approval of version 1 is withdrawn, and the leader revises
		// the plan with the comments and the advice before her, advice given since
		// included
		assertThat(this.client.tasks(MINISTRY, code, APPROVE_WORK_PLAN)).isEmpty();
		Answer moreAdvice = this.client.post(MANAGER, "/api/communities/" + code + "/work-plans/2/versions/1/advice",
				Map.of("memberName", "Eli Member", "advice", "Keep the seminar"));
		assertThat(moreAdvice.status().value()).as("%s", moreAdvice).isEqualTo(201);
		JsonNode redraft = this.client.taskAssignedTo(LEADER, code, DRAFT_WORK_PLAN);
		JsonNode previous = this.client.formVariables(LEADER, redraft.path("id").asText());
		assertThat(previous.path("goals").path("value").asText()).endsWith("version 1");
		assertThat(previous.path("budgetLines").path("value").asText())
			.isEqualTo("Venues and catering: 45000\nTwo-day seminar: 30000\nEvaluation: 12000");
		assertThat(previous.path("partnerComments").path("value").asText())
			.isEqualTo("foundation: ביקש/ה שינויים · asked for changes\n  תקציב · Budget: Add the products conference");
		assertThat(previous.path("advisoryAdvice").path("value").asText())
			.isEqualTo("Dr. Noa Adviser: Budget the products conference\nEli Member: Keep the seminar");
		assertThat(workPlan(MINISTRY, code, 2).path("status").asText()).isEqualTo("CHANGES_REQUESTED");

		// when: she drafts version 2 with the conference in the budget
		this.steps.draft(code, with(plan("version 2"), "budgetLines",
				"Venues and catering: 45000\nTwo-day seminar: 30000\nEvaluation: 12000\nProducts conference: 20000"));

		// then: both partners decide on version 2 and see what changed
		JsonNode ministryTask = this.steps.approvalOf(MINISTRY, code);
		JsonNode second = this.client.formVariables(MINISTRY, ministryTask.path("id").asText());
		assertThat(second.path("planVersion").path("value").asInt()).isEqualTo(2);
		assertThat(second.path("changesSinceLastVersion").path("value").asText()).contains("Changed since version 1",
				"Goals and targets", "Budget: 87000 → 107000");
		assertThat(second.hasNonNull("advisoryAdvice")).isFalse();

		// when: the ministry approves version 1, from an outdated page
		Answer outdated = this.client.submitTask(MINISTRY, ministryTask.path("id").asText(), approve(1));

		// then: refused as a conflict, and the approval stays open
		assertThat(outdated.status().value()).as("%s", outdated).isEqualTo(409);
		assertThat(outdated.message()).contains(
				"Version 1 of the work plan of year 2 of wp-changes is outdated: version 2 is the one to decide on");
		assertThat(this.steps.approvalOf(MINISTRY, code).path("id").asText())
			.isEqualTo(ministryTask.path("id").asText());

		// when: both approve version 2
		this.steps.approveAs(MINISTRY, code, approve(2));
		this.steps.approveAs(FOUNDATION, code, approve(2));

		// then: the plan is approved in version 2, with its whole history
		JsonNode plan = workPlan(MINISTRY, code, 2);
		assertThat(plan.path("status").asText()).isEqualTo("APPROVED");
		assertThat(plan.path("approvedVersion").asInt()).isEqualTo(2);
		JsonNode first = plan.path("versions").get(0);
		assertThat(first.path("draftedBy").asText()).isEqualTo(LEADER);
		assertThat(first.path("decisions")).hasSize(1);
		assertThat(first.path("decisions").get(0).path("partner").asText()).isEqualTo(FOUNDATION);
		assertThat(first.path("decisions").get(0).path("decision").asText()).isEqualTo("CHANGES_REQUESTED");
		assertThat(first.path("decisions").get(0).path("comments").path("budget").asText())
			.isEqualTo("Add the products conference");
		assertThat(first.path("advice").findValuesAsText("recordedBy")).containsExactly(LEADER, MANAGER);
		JsonNode last = plan.path("versions").get(1);
		assertThat(last.path("changedSections").toString()).isEqualTo("[\"goals\",\"budget\"]");
		assertThat(last.path("budgetTotal").decimalValue()).isEqualByComparingTo("107000");
		assertThat(last.path("budgetLines").get(3).path("item").asText()).isEqualTo("Products conference");
		assertThat(last.path("decisions").findValuesAsText("decision")).containsExactly("APPROVED", "APPROVED");

		// and advice on version 1 now comes too late
		Answer late = this.client.post(MANAGER, "/api/communities/" + code + "/work-plans/2/versions/1/advice",
				Map.of("memberName", "Dr. Noa Adviser", "advice", "Too late"));
		assertThat(late.status().value()).isEqualTo(409);
		assertThat(late.body().path("detail").asText()).contains("is outdated");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
		String code = community("wp-bad-input", FOUNDATION, MINISTRY, 1);
		String draftId = this.client.taskAssignedTo(LEADER, code, DRAFT_WORK_PLAN).path("id").asText();

		// a budget line with a negative or non-numeric amount, a plan without goals
		assertRefused(this.client.submitTask(LEADER, draftId, with(plan("v"), "budgetLines", "Venues: -45000")),
				"budgetLines", "negative amount");
		assertRefused(this.client.submitTask(LEADER, draftId, with(plan("v"), "budgetLines", "Venues: plenty")),
				"budgetLines", "not a number");
		assertRefused(this.client.submitTask(LEADER, draftId, without(plan("v"), "goals")), "goals", "is required");
		assertRefused(this.client.submitTask(LEADER, draftId, with(plan("v"), "goals", "  ")), "goals", "is required");
		assertThat(versions(code)).isZero();
		assertThat(this.client.taskAssignedTo(LEADER, code, DRAFT_WORK_PLAN).path("id").asText()).isEqualTo(draftId);

		// a request for changes without a comment
		this.steps.draft(code, plan("version 1"));
		String approvalId = this.steps.approvalOf(FOUNDATION, code).path("id").asText();
		Answer noComment = this.client.submitTask(FOUNDATION, approvalId,
				Map.of("workPlanDecision", "request-changes", "goalsComment", " "));
		assertRefused(noComment, "goalsComment", "needs a comment on at least one section");
		assertThat(noComment.message()).contains("field 'budgetComment'");
		assertThat(decisions(code)).isZero();
		assertThat(this.steps.approvalOf(FOUNDATION, code).path("id").asText()).isEqualTo(approvalId);

		// advice without the committee member's name
		Answer noMember = this.client.post(LEADER, "/api/communities/" + code + "/work-plans/1/versions/1/advice",
				Map.of("advice", "Fine"));
		assertThat(noMember.status().value()).isEqualTo(400);
		assertThat(noMember.body().path("errors").findValuesAsText("field")).containsExactly("memberName");
		Answer byPartner = this.client.post(FOUNDATION, "/api/communities/" + code + "/work-plans/1/versions/1/advice",
				Map.of("memberName", "Dr. Noa Adviser", "advice", "Fine"));
		assertThat(byPartner.status().value()).isEqualTo(403);
	}

	@Test
	void overdueApprovalRemindsThePartnerOnceAndEscalatesToTheProjectManager() throws Exception {
		// given: a version the foundation approved and the ministry has not decided on
		String code = community("wp-overdue", FOUNDATION, MINISTRY, 1);
		this.steps.draft(code, plan("version 1"));
		this.steps.approveAs(FOUNDATION, code, approve());

		// when: four days before the deadline, then the reminder's job runs
		execute(job(code, APPROVAL_REMINDER_DUE));
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		execute(job(code, REMIND_PARTNERS));

		// then: the ministry, and only the ministry, is reminded, in its user's language
		// (English for the demo ministry)
		MimeMessage[] mails = mailServer.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getRecipients(RecipientType.TO)).extracting(Object::toString)
			.containsExactly("ministry@example.org");
		assertThat(mails[0].getSubject())
			.isEqualTo("Reminder: the year 1 work plan of Community wp-overdue awaits your decision");
		assertThat(part(mails[0], "text/html")).contains("dir=\"ltr\"", "Dear Miriam Ministry partner,");
		assertThat(part(mails[0], "text/plain")).contains(
				"Version 1 of the work plan and budget of the learning community Community wp-overdue for year 1 awaits your decision by");
		assertThat(this.jdbc.sql("select count(*) from lc_mail_log where mail_key like 'work-plan-reminder:%'")
			.query(Long.class)
			.single()).isOne();

		// when: the deadline passes
		execute(job(code, APPROVAL_DEADLINE_PASSED));

		// then: the project managers follow it up, seeing who has not decided; the
		// partners and the leader do not see it
		JsonNode escalation = this.client.task(MANAGER, code, ESCALATE_WORK_PLAN_APPROVAL);
		assertThat(this.client.candidateGroups(MANAGER, escalation.path("id").asText()))
			.containsExactly(Groups.PROJECT_MANAGERS);
		assertThat(this.client.formVariables(MANAGER, escalation.path("id").asText())
			.path("pendingPartners")
			.path("value")
			.asText()).startsWith("Miriam Ministry partner (ministry): ").doesNotContain(FOUNDATION);
		for (String other : List.of(LEADER, FOUNDATION, MINISTRY)) {
			assertThat(this.client.tasks(other, code, ESCALATE_WORK_PLAN_APPROVAL)).isEmpty();
		}
		assertRefused(this.client.submitTask(MANAGER, escalation.path("id").asText(), Map.of()), "escalationAction",
				"is required");
		this.client.complete(MANAGER, code, ESCALATE_WORK_PLAN_APPROVAL,
				Map.of("escalationAction", "Called the ministry: the steering committee decides on Sunday"));

		// when: the ministry approves after the deadline
		this.steps.approveAs(MINISTRY, code, approve());

		// then: the plan is approved, with the follow-up in its history
		JsonNode plan = workPlan(MANAGER, code, 1);
		assertThat(plan.path("status").asText()).isEqualTo("APPROVED");
		assertThat(plan.path("escalations").get(0).path("pendingPartners").toString()).isEqualTo("[\"ministry\"]");
		assertThat(plan.path("escalations").get(0).path("handledBy").asText()).isEqualTo(MANAGER);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
	}

	// --------------------------------------------------------------------------------------------------------------

	/**
	 * A community registered with the given partners, whose lifecycle calls the approval
	 * of the year's plan: the leader has the draft.
	 */
	private String community(String code, String foundation, String ministry, int year) {
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, ?, 'Economic development', ?, 'Ministry of Interior', ?, ?, ?, 35, 'ESTABLISHMENT', ?)""")
			.params(code, "Community " + code, LEADER, foundation, ministry, LocalDate.now(),
					Timestamp.from(Instant.now()))
			.update();
		this.runtime.startProcessInstanceByKey(WorkPlanApprovalProcess.KEY, code,
				Variables.putValue(WorkPlanApprovalProcess.COMMUNITY_CODE, code)
					.putValue(WorkPlanApprovalProcess.LEADER, LEADER)
					.putValue(WorkPlanApprovalProcess.PARTNER_REPS, List.of(foundation, ministry))
					.putValue(WorkPlanApprovalProcess.PLAN_YEAR, (long) year));
		return code;
	}

	/** A partner's representative of the other community, created once. */
	private void partner(String id) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName("Partner");
		user.setLastName(id);
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		this.identity.saveUser(user);
		this.identity.createMembership(id, Groups.PARTNERS);
	}

	private JsonNode workPlan(String user, String code, int year) {
		Answer answer = this.client.get(user, "/api/communities/" + code + "/work-plans/" + year);
		assertThat(answer.status().value()).as("work plan of %s as %s: %s", code, user, answer).isEqualTo(200);
		return answer.body();
	}

	/** The tasks the "Partner approvals" filter lists for a partner. */
	private List<JsonNode> partnerApprovalsFilter(String partner) {
		Answer filters = this.client.get(partner, "/engine-rest/filter?resourceType=Task");
		assertThat(filters.status().value()).isEqualTo(200);
		String filterId = null;
		for (JsonNode filter : filters.body()) {
			if (filter.path("name").asText().startsWith("Partner approvals")) {
				filterId = filter.path("id").asText();
			}
		}
		assertThat(filterId).as("the Partner approvals filter, as %s sees the filters", partner).isNotNull();
		Answer listed = this.client.get(partner, "/engine-rest/filter/" + filterId + "/list");
		assertThat(listed.status().value()).as("%s", listed).isEqualTo(200);
		List<JsonNode> tasks = new ArrayList<>();
		listed.body().forEach(tasks::add);
		return tasks;
	}

	private Job job(String code, String activityId) {
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.singleResult()
			.getId();
		Job job = this.management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
		assertThat(job).as("job of %s in %s", activityId, code).isNotNull();
		return job;
	}

	/** Runs a job as an operator would: {@code POST /engine-rest/job/{id}/execute}. */
	private void execute(Job job) {
		Answer answer = this.client.post(ADMIN, "/engine-rest/job/" + job.getId() + "/execute", null);
		assertThat(answer.status().value()).as("job %s: %s", job.getId(), answer).isEqualTo(204);
	}

	private long versions(String code) {
		return this.jdbc.sql("""
				select count(*) from lc_work_plan_version v join lc_work_plan p on p.id = v.work_plan_id
				join lc_community c on c.id = p.community_id where c.code = ?""")
			.param(code)
			.query(Long.class)
			.single();
	}

	private long decisions(String code) {
		return this.jdbc.sql("""
				select count(*) from lc_work_plan_decision d join lc_work_plan_version v on v.id = d.version_id
				join lc_work_plan p on p.id = v.work_plan_id join lc_community c on c.id = p.community_id
				where c.code = ?""").param(code).query(Long.class).single();
	}

	private static void assertRefused(Answer answer, String field, String why) {
		assertThat(answer.status().value()).as("%s", answer).isEqualTo(400);
		assertThat(answer.message()).contains("field '" + field + "'").contains(why);
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = part(multipart.getBodyPart(i), type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
