package org.learningcommunities.lifecycle.community;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.reminders.ReminderTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * What the engine-only process tests share: one community (the demo users of
 * CONTRACT.md), the checks every user task of our models must pass, and running the job
 * of an activity.
 */
public final class ProcessTestSupport {

	public static final String CODE = "econ-dev-2026";

	public static final String LEADER = "leader";

	static final String FOUNDATION_REP = "foundation";

	static final String MINISTRY_REP = "ministry";

	static final List<String> PARTNER_REPS = List.of(FOUNDATION_REP, MINISTRY_REP);

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProcessTestSupport() {
	}

	/**
	 * The variables {@code community-lifecycle} passes into each stage with
	 * {@code camunda:in}.
	 */
	public static Map<String, Object> stageVariables() {
		return withVariables(CommunityLifecycleProcess.COMMUNITY_CODE, CODE, CommunityLifecycleProcess.LEADER, LEADER,
				CommunityLifecycleProcess.PARTNER_REPS, PARTNER_REPS);
	}

	/**
	 * Checks a user task as our conventions want it: offered to its candidate group,
	 * assigned to the given user (or to nobody when {@code assignee} is null), due the
	 * given number of days after it was created, and with a Camunda Form that resolves
	 * from the deployment.
	 */
	public static void assertUserTask(Task task, String candidateGroup, String assignee, int dueInDays) {
		assertThat(task).hasCandidateGroupAssociated(candidateGroup);
		if (assignee != null) {
			assertThat(task).isAssignedTo(assignee);
		}
		else {
			assertThat(task).isNotAssigned().hasCandidateGroup(candidateGroup);
		}
		assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
			.isNotNull()
			.isCloseTo(plus(task.getCreateTime(), Duration.ofDays(dueInDays)), Duration.ofMinutes(1).toMillis());
		assertThat(deployedFormId(task)).as("id of the deployed form of %s", task.getTaskDefinitionKey())
			.isEqualTo(task.getTaskDefinitionKey());
	}

	/**
	 * Runs the job of the named activity (a timer, or an asynchronous continuation) of
	 * the process instance, failing clearly when there is none.
	 */
	public static void executeJobOf(ProcessInstance instance, String activityId) {
		Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job of %s", activityId).isNotNull();
		execute(job);
	}

	/** The due date of the named activity's job (a timer), failing when there is none. */
	public static Date jobDueDate(ProcessInstance instance, String activityId) {
		Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job of %s", activityId).isNotNull();
		return job.getDuedate();
	}

	private static String deployedFormId(Task task) {
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			return JSON.readTree(form).path("id").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Date plus(Date date, Duration duration) {
		return Date.from(date.toInstant().plus(duration));
	}

	// reminders
	// ---------------------------------------------------------------------------------------------------

	/**
	 * Registers the reminder settings of application.yml and fake reminder and escalation
	 * delegates that write where they were called from into the journal.
	 */
	public static void registerReminderFakes(List<String> mailedFrom) {
		Mocks.register("reminderSchedule", ReminderTestSupport.applicationSchedule());
		for (String delegate : List.of("sendReminderDelegate", "sendEscalationDelegate")) {
			Mocks.register(delegate, (JavaDelegate) (execution) -> mailedFrom.add(execution.getCurrentActivityId()));
		}
	}

	/**
	 * Lets every reminder of the open task come at its time (each mail in a job of its
	 * own), then its escalation, and the project manager completes the follow-up task.
	 * @return how many reminders came
	 */
	public static int remindUntilFollowedUp(ProcessInstance instance, String taskKey) {
		int reminders = 0;
		Job timer;
		while ((timer = jobQuery().processInstanceId(instance.getId())
			.activityId(taskKey + "-reminder")
			.singleResult()) != null && reminders < 10) {
			ReminderTestSupport.executeWhenDue(timer);
			executeJobOf(instance, "remind-" + taskKey);
			reminders++;
		}
		ReminderTestSupport.executeWhenDue(
				jobQuery().processInstanceId(instance.getId()).activityId(taskKey + "-overdue").singleResult());
		executeJobOf(instance, "escalate-" + taskKey);
		Task followUp = taskService().createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("follow-up-overdue-task")
			.singleResult();
		assertThat(followUp).as("follow-up of %s", taskKey).isNotNull();
		assertThat(taskService().getIdentityLinksForTask(followUp.getId())).extracting(IdentityLink::getGroupId)
			.contains(Groups.PROJECT_MANAGERS);
		taskService().complete(followUp.getId());
		return reminders;
	}

}
