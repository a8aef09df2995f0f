package org.learningcommunities.lifecycle.system;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two at once: two users complete the same task in the same moment, a reminder's timer
 * fires while the leader completes the task it reminds of, and both partners approve a
 * work plan in the same moment. One wins; the other is answered 409 with a message (never
 * 500), and nothing of the loser is stored. Each race is run several times, released by a
 * barrier so both requests are in flight together.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
				"lifecycle.limits.applications.per-period=1000",
				"spring.datasource.url=jdbc:h2:mem:concurrency-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class ConcurrencyIT {

	private static final int RACES = 4;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ManagementService management;

	@Autowired
	private RuntimeService runtime;

	private LifecycleRestClient client;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
	}

	@Test
	void twoProjectManagersCompletingTheSameTaskOneWinsTheOtherGetsAConflict() throws Exception {
		List<Integer> statuses = new ArrayList<>();
		for (int race = 0; race < RACES; race++) {
			// given: a community whose first task (the project managers') is open
			String code = "race-" + race + "-2026";
			Answer started = this.client.startCommunity(EstablishmentSteps.MANAGER, code,
					EstablishmentSteps.startForm(code));
			assertThat(started.status().value()).isEqualTo(200);
			String taskId = this.client.task(EstablishmentSteps.MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS)
				.path("id")
				.asText();

			// when: the project manager and the administrator submit it at the same
			// moment
			List<Answer> answers = together(
					() -> this.client.submitTask(EstablishmentSteps.MANAGER, taskId, EstablishmentSteps.sharedVision()),
					() -> this.client.submitTask("admin", taskId, EstablishmentSteps.sharedVision()));

			// then: one wins, the other is told of the conflict; one vision stored, one
			// next
			// task
			List<Integer> codes = answers.stream().map((answer) -> answer.status().value()).sorted().toList();
			statuses.addAll(codes);
			assertThat(codes).as("%s", answers).containsExactly(204, 409);
			Answer loser = answers.stream()
				.filter((answer) -> answer.status().value() == 409)
				.findFirst()
				.orElseThrow();
			assertThat(loser.body().path("type").asText()).isEqualTo("ConflictException");
			assertThat(loser.message()).containsAnyOf("does not exist any more", "changed this at the same moment");
			assertThat(this.jdbc
				.sql("select count(*) from lc_shared_vision v join lc_community c on c.id = "
						+ "v.community_id where c.code = ?")
				.param(code)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(this.client.tasks(EstablishmentSteps.MANAGER, code, EstablishmentProcess.MAP_NEEDS)).hasSize(1);
		}
		System.out.println("concurrency: " + RACES + " races of two completions, answers " + statuses);
	}

	@Test
	void aReminderFiringWhileTheLeaderCompletesTheTaskNeverGivesTheLeaderA500() throws Exception {
		List<String> outcomes = new ArrayList<>();
		for (int race = 0; race < RACES; race++) {
			// given: a candidate waiting to be screened, with the reminder's timer due
			String code = "reminder-race-" + race + "-2026";
			Answer started = this.client.startCommunity(EstablishmentSteps.MANAGER, code,
					EstablishmentSteps.startForm(code));
			assertThat(started.status().value()).isEqualTo(200);
			this.jdbc
				.sql("""
						insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
						select id, 1, 'Join us', 'Officers', ?, 'OPEN', leader_id, ? from lc_community where code = ?""")
				.params(Date.valueOf(LocalDate.now().plusDays(30)), Timestamp.from(Instant.now()), code)
				.update();
			Answer applied = this.client.post(null, "/api/communities/" + code + "/applications",
					Map.of("fullName", "Dana Levi", "email", "dana@" + code + ".example.org", "authority", "Lod",
							"role", "Head of economic development", "region", "center", "privacyNoticeAccepted", true));
			assertThat(applied.status().value()).isEqualTo(201);
			String taskId = this.client.task(EstablishmentSteps.LEADER, code, "screen-candidate").path("id").asText();
			String instanceId = this.client.task(EstablishmentSteps.LEADER, code, "screen-candidate")
				.path("processInstanceId")
				.asText();
			Job reminder = this.management.createJobQuery()
				.processInstanceId(instanceId)
				.timers()
				.activityId("screen-candidate-reminder")
				.singleResult();
			assertThat(reminder).as("the reminder's timer of %s", code).isNotNull();

			// when: the timer fires (as the job executor would) while the leader submits
			List<Object> results = together(() -> {
				try {
					this.management.executeJob(reminder.getId());
					return "timer fired";
				}
				catch (OptimisticLockingException ex) {
					// the job executor retries such a job later: no harm
					return "timer retried later";
				}
			}, () -> this.client.submitTask(EstablishmentSteps.LEADER, taskId,
					Map.of("partnersConsulted", true, "screeningDecision", "interview")));

			// then: the leader's form is accepted, or refused with a conflict to retry:
			// never 500
			Answer leader = (Answer) results.get(1);
			assertThat(leader.status().value()).as("%s", leader).isIn(204, 409);
			if (leader.status().value() == 409) {
				Answer again = this.client.submitTask(EstablishmentSteps.LEADER, taskId,
						Map.of("partnersConsulted", true, "screeningDecision", "interview"));
				assertThat(again.status().value()).as("%s", again).isEqualTo(204);
			}
			outcomes.add(results.get(0) + "/" + leader.status().value());
			assertThat(this.client.tasks(EstablishmentSteps.LEADER, code, "interview-candidate")).hasSize(1);
		}
		System.out.println("concurrency: " + RACES + " races of a reminder and a completion, outcomes " + outcomes);
	}

	@Test
	void bothPartnersApprovingAtTheSameMomentAreBothRecordedOrOneIsToldToRetry() throws Exception {
		List<String> outcomes = new ArrayList<>();
		WorkPlanSteps steps = new WorkPlanSteps(this.client);
		for (int race = 0; race < RACES; race++) {
			// given: a community whose leader drafted the year's plan, both partners to
			// decide
			String code = "plan-race-" + race + "-2026";
			this.jdbc
				.sql("""
						insert into lc_community (code, name, professional_field, leader_id, professional_partner,
						    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
						values (?, ?, 'Economic development', ?, 'Ministry of Interior', ?, ?, ?, 35, 'ESTABLISHMENT', ?)""")
				.params(code, "Community " + code, WorkPlanSteps.LEADER, WorkPlanSteps.FOUNDATION,
						WorkPlanSteps.MINISTRY, LocalDate.now(), Timestamp.from(Instant.now()))
				.update();
			this.runtime.startProcessInstanceByKey(WorkPlanApprovalProcess.KEY, code,
					Variables.putValue(WorkPlanApprovalProcess.COMMUNITY_CODE, code)
						.putValue(WorkPlanApprovalProcess.LEADER, WorkPlanSteps.LEADER)
						.putValue(WorkPlanApprovalProcess.PARTNER_REPS,
								List.of(WorkPlanSteps.FOUNDATION, WorkPlanSteps.MINISTRY))
						.putValue(WorkPlanApprovalProcess.PLAN_YEAR, 1L));
			steps.draft(code, WorkPlanSteps.plan("version 1"));
			String foundationTask = steps.approvalOf(WorkPlanSteps.FOUNDATION, code).path("id").asText();
			String ministryTask = steps.approvalOf(WorkPlanSteps.MINISTRY, code).path("id").asText();

			// when: both approve at the same moment
			List<Answer> answers = together(
					() -> this.client.submitTask(WorkPlanSteps.FOUNDATION, foundationTask, WorkPlanSteps.approve(1)),
					() -> this.client.submitTask(WorkPlanSteps.MINISTRY, ministryTask, WorkPlanSteps.approve(1)));

			// then: each is accepted or told to retry (never 500); after the retry the
			// plan is
			// approved with both decisions, each once
			List<String> partners = List.of(WorkPlanSteps.FOUNDATION, WorkPlanSteps.MINISTRY);
			List<String> tasks = List.of(foundationTask, ministryTask);
			for (int i = 0; i < 2; i++) {
				Answer answer = answers.get(i);
				assertThat(answer.status().value()).as("%s", answer).isIn(204, 409);
				if (answer.status().value() == 409) {
					Answer again = this.client.submitTask(partners.get(i), tasks.get(i), WorkPlanSteps.approve(1));
					assertThat(again.status().value()).as("%s", again).isEqualTo(204);
				}
			}
			outcomes.add(answers.get(0).status().value() + "/" + answers.get(1).status().value());
			Answer plan = this.client.get(WorkPlanSteps.FOUNDATION, "/api/communities/" + code + "/work-plans/1");
			assertThat(plan.body().path("status").asText()).as("%s", plan).isEqualTo("APPROVED");
			assertThat(plan.body().path("versions").get(0).path("decisions").findValuesAsText("partner"))
				.containsExactlyInAnyOrder(WorkPlanSteps.FOUNDATION, WorkPlanSteps.MINISTRY);
		}
		System.out.println("concurrency: " + RACES + " races of both partners approving, answers " + outcomes);
	}

	@SafeVarargs
	private <T> List<T> together(Supplier<? extends T>... calls) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(calls.length);
		List<CompletableFuture<T>> futures = new ArrayList<>();
		for (Supplier<? extends T> call : calls) {
			futures.add(CompletableFuture.supplyAsync(() -> {
				try {
					barrier.await(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return call.get();
			}, this.threads));
		}
		List<T> results = new ArrayList<>();
		for (CompletableFuture<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

}
