package org.learningcommunities.lifecycle.reminders;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.identity.People.Person;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds people of the tasks they owe, escalates what stays open to the project
 * managers, and keeps what the project managers did about it.
 * <p>
 * Who is reminded: the assignee of each open task of the kind in the process instance,
 * or, for a task nobody has claimed, every member of its candidate groups; each in their
 * language ({@link People}), at the email the identity service has for them. Nothing is
 * sent for a task that was completed meanwhile.
 */
@Service
public class ReminderService {

	private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

	static final String TASK_REMINDER = "task-reminder";

	static final String TASK_ESCALATION = "task-escalation";

	/** What lc_follow_up.overdue_tasks holds at most. */
	private static final int OVERDUE_TASKS_LENGTH = 4000;

	/** Due dates are shown as days in Israel. */
	static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	private final TaskService tasks;

	private final People people;

	private final CommunityRepository communities;

	private final MailTemplates templates;

	private final MailService mail;

	private final FollowUpRepository followUps;

	private final Clock clock;

	/**
	 * Where people reach the application: a mail links to the task's page in the
	 * workspace.
	 */
	private final String publicUrl;

	ReminderService(TaskService tasks, People people, CommunityRepository communities, MailTemplates templates,
			MailService mail, FollowUpRepository followUps, Clock clock,
			@Value("${lifecycle.public-url}") String publicUrl) {
		this.tasks = tasks;
		this.people = people;
		this.communities = communities;
		this.templates = templates;
		this.mail = mail;
		this.followUps = followUps;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Reminds whoever owes the open tasks with the key in the process instance.
	 * @param reminderId this reminder among the task's reminders, the same when its job
	 * is retried (the execution of the reminder's path)
	 * @return how many mails went out now
	 * @throws org.springframework.mail.MailException when the mail server fails: the job
	 * is retried, and the mails sent before the failure are not sent again
	 */
	public int remind(String processInstanceId, String communityCode, String taskKey, String reminderId) {
		List<Task> open = openTasks(processInstanceId, taskKey);
		if (open.isEmpty()) {
			log.info("Task {} of community {} is done: no reminder", taskKey, communityCode);
			return 0;
		}
		String communityName = communityName(communityCode);
		int sent = 0;
		for (Task task : open) {
			for (Person person : owners(task)) {
				Map<String, Object> variables = taskVariables(task, communityName, person.language());
				variables.put("name", person.displayName());
				variables.put("overdue",
						task.getDueDate() != null && task.getDueDate().toInstant().isBefore(this.clock.instant()));
				Mail rendered = this.templates.render(TASK_REMINDER, person.language(), variables,
						variables.get("taskName"), communityName);
				if (this.mail.sendOnce("reminder:" + task.getId() + ":" + reminderId + ":" + person.id(),
						person.email(), rendered)) {
					sent++;
				}
			}
		}
		log.info("Reminder of task {} of community {}: {} mail(s) sent", taskKey, communityCode, sent);
		return sent;
	}

	/**
	 * Tells every project manager that the open tasks with the key in the process
	 * instance are still open after their reminders; once per task and manager.
	 * @return how many mails went out now
	 */
	public int escalate(String processInstanceId, String communityCode, String taskKey) {
		List<Task> open = openTasks(processInstanceId, taskKey);
		if (open.isEmpty()) {
			log.info("Task {} of community {} is done: no escalation", taskKey, communityCode);
			return 0;
		}
		String communityName = communityName(communityCode);
		List<Person> managers = withEmail(this.people.membersOf(Groups.PROJECT_MANAGERS));
		int sent = 0;
		for (Task task : open) {
			String owedBy = owners(task).stream().map(ReminderService::fullName).collect(Collectors.joining(", "));
			for (Person manager : managers) {
				Map<String, Object> variables = taskVariables(task, communityName, manager.language());
				variables.put("name", manager.displayName());
				variables.put("assigneeName", owedBy.isEmpty() ? "?" : owedBy);
				Mail rendered = this.templates.render(TASK_ESCALATION, manager.language(), variables,
						variables.get("taskName"), communityName);
				if (this.mail.sendOnce("escalation:" + task.getId() + ":" + manager.id(), manager.email(), rendered)) {
					sent++;
				}
			}
		}
		log.warn("Task {} of community {} escalated to the project managers: {} mail(s) sent", taskKey, communityCode,
				sent);
		return sent;
	}

	// the project managers' follow-up task
	// -------------------------------------------------------------------------

	/** The community and its tasks that are past their due date, read only. */
	public Map<String, Object> followUpForm(TaskContext task) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("communityName", communityName(task.communityCode()));
		values.put("overdueTasks", overdueTasks(task.communityCode()));
		return values;
	}

	/** Keeps what the project manager did about the overdue tasks. */
	@Transactional
	public Map<String, Object> followUp(TaskContext task, FormValues form) {
		this.followUps.insert(task.communityCode(), task.processKey(), overdueTasks(task.communityCode()),
				form.text("followUpNote"), task.userId(), this.clock.instant());
		log.info("Overdue tasks of community {} followed up by {}", task.communityCode(), task.userId());
		return Map.of();
	}

	// helpers
	// ----------------------------------------------------------------------------------------------------

	private List<Task> openTasks(String processInstanceId, String taskKey) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
	}

	/** The task's assignee, or the members of its candidate groups when nobody is. */
	private List<Person> owners(Task task) {
		if (task.getAssignee() != null) {
			return withEmail(this.people.person(task.getAssignee()).stream().toList());
		}
		Map<String, Person> owners = new LinkedHashMap<>();
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			List<Person> found = (link.getGroupId() != null) ? this.people.membersOf(link.getGroupId())
					: this.people.person(link.getUserId()).stream().toList();
			found.forEach((person) -> owners.putIfAbsent(person.id(), person));
		}
		return withEmail(new ArrayList<>(owners.values()));
	}

	private static List<Person> withEmail(List<Person> people) {
		people.stream()
			.filter((person) -> !person.hasEmail())
			.forEach((person) -> log.warn("User {} has no email: not written to", person.id()));
		return people.stream().filter(Person::hasEmail).toList();
	}

	private Map<String, Object> taskVariables(Task task, String communityName, String language) {
		Map<String, Object> variables = new LinkedHashMap<>();
		// the model names the task in both languages ("מיון מועמד/ת / Screen candidate")
		variables.put("taskName", BilingualNames.in(task.getName(), language));
		variables.put("communityName", communityName);
		variables.put("due", due(task.getDueDate(), language));
		variables.put("taskUrl", this.publicUrl + "/tasks/" + task.getId());
		return variables;
	}

	private String due(Date dueDate, String language) {
		return (dueDate != null) ? this.templates.date(dueDate.toInstant().atZone(ZONE).toLocalDate(), language) : "-";
	}

	private String overdueTasks(String communityCode) {
		List<String> lines = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceBusinessKey(communityCode)
			.dueBefore(Date.from(this.clock.instant()))
			.orderByDueDate()
			.asc()
			.list()) {
			if (Reminders.FOLLOW_UP_OVERDUE_TASK.equals(task.getTaskDefinitionKey())) {
				continue;
			}
			String owedBy = owners(task).stream().map(ReminderService::fullName).collect(Collectors.joining(", "));
			lines.add(task.getName() + " · " + (owedBy.isEmpty() ? "?" : owedBy) + " · "
					+ task.getDueDate().toInstant().atZone(ZONE).toLocalDate());
		}
		String text = String.join("\n", lines);
		return (text.length() > OVERDUE_TASKS_LENGTH) ? text.substring(0, OVERDUE_TASKS_LENGTH) : text;
	}

	// people read names, never user ids
	private static String fullName(Person person) {
		return person.fullName();
	}

	private String communityName(String code) {
		return this.communities.findByCode(code).map(Community::name).orElse(code);
	}

}
