package org.learningcommunities.lifecycle.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.springframework.stereotype.Service;

/**
 * The inbox of one person: the tasks they hold, the tasks offered to them that nobody
 * holds, and the tasks offered to them that someone else holds; each named for what and
 * whom, with its community, due date and holder by name. One query for the tasks
 * ({@link InboxRepository}) and one for the holders' names.
 */
@Service
public class Inbox {

	private final InboxRepository tasks;

	private final People people;

	private final Clock clock;

	Inbox(InboxRepository tasks, People people, Clock clock) {
		this.tasks = tasks;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * @param community only this community's tasks (its code), or all when {@code null}
	 * @param overdueOnly only the tasks past their due date
	 */
	View of(Worker worker, String community, boolean overdueOnly, Locale locale) {
		Instant now = this.clock.instant();
		List<InboxTask> all = this.tasks.tasks(worker, null, null);
		Map<String, String> communities = new LinkedHashMap<>();
		all.stream()
			.sorted((a, b) -> a.communityName().compareTo(b.communityName()))
			.forEach((task) -> communities.putIfAbsent(task.communityCode(),
					BilingualNames.in(task.communityName(), locale)));
		Map<String, String> names = this.people
			.fullNames(all.stream().map(InboxTask::assignee).filter(Objects::nonNull).toList());
		List<Line> mine = new ArrayList<>();
		List<Line> offered = new ArrayList<>();
		List<Line> others = new ArrayList<>();
		int overdue = 0;
		for (InboxTask task : all) {
			if (community != null && !community.equals(task.communityCode())) {
				continue;
			}
			boolean late = task.overdueAt(now);
			if (late) {
				overdue++;
			}
			if (overdueOnly && !late) {
				continue;
			}
			Line line = new Line(task.taskId(), title(task, locale), BilingualNames.in(task.communityName(), locale),
					task.due(), late, (task.assignee() != null) ? names.get(task.assignee()) : null,
					task.heldBy(worker.userId()), task.offeredToMe() && task.assignee() == null,
					task.offeredToMe() && task.heldBy(worker.userId()));
			if (line.mine()) {
				mine.add(line);
			}
			else if (task.assignee() == null) {
				offered.add(line);
			}
			else {
				others.add(line);
			}
		}
		return new View(mine, offered, others, communities, overdue, all.size() >= InboxRepository.MOST);
	}

	/**
	 * A task's title in the reader's language: its name, then what or whom it is about
	 * ("מיון מועמד/ת: דנה לוי").
	 */
	static String title(InboxTask task, Locale locale) {
		String name = BilingualNames.in(task.name(), locale);
		return (task.subject() != null) ? name + ": " + BilingualNames.in(task.subject(), locale) : name;
	}

	/**
	 * @param communities the communities of the person's tasks, code to name, by name
	 * @param overdue how many of the shown community's tasks are overdue
	 * @param truncated the person has more tasks than one inbox lists
	 */
	public record View(List<Line> mine, List<Line> offered, List<Line> others, Map<String, String> communities,
			int overdue, boolean truncated) {

		public boolean empty() {
			return this.mine.isEmpty() && this.offered.isEmpty() && this.others.isEmpty();
		}

	}

	/**
	 * A task as one card of the inbox.
	 *
	 * @param holder the full name of who holds it, or {@code null}
	 */
	public record Line(String taskId, String title, String community, Instant due, boolean overdue, String holder,
			boolean mine, boolean canTake, boolean canRelease) {
	}

}
