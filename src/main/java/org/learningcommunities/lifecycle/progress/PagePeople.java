package org.learningcommunities.lifecycle.progress;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.identity.People;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * People by name on our pages: the API answers user and group ids, a page shows the names
 * a person reads. The names of everyone a page shows are read in one query
 * ({@link #names}), and the page asks the answer ({@code ${names.person(row.leader())}}).
 */
@Component
class PagePeople {

	private final People people;

	private final MessageSource messages;

	PagePeople(People people, MessageSource messages) {
		this.people = people;
		this.messages = messages;
	}

	/** The names of these users, and of groups in the page's language. */
	Names names(Collection<String> userIds, Locale locale) {
		return new Names(this.people.names(userIds), this.messages, locale);
	}

	/**
	 * Names for one page.
	 *
	 * @param people user id to full name
	 */
	record Names(Map<String, String> people, MessageSource messages, Locale locale) {

		/** A user's name; the id of a user who is not known (any more). */
		public String person(String userId) {
			return (userId != null) ? this.people.getOrDefault(userId, userId) : "";
		}

		/** Users' names, comma separated. */
		public String persons(List<String> userIds) {
			return userIds.stream().map(this::person).collect(Collectors.joining(", "));
		}

		/** A group by the name its members know it by (messages {@code group.<id>}). */
		public String group(String groupId) {
			return this.messages.getMessage("group." + groupId, null, groupId, this.locale);
		}

		/** Who a task waits for: its assignee, or while nobody took it its groups. */
		public String owner(Board.Task task) {
			return (task.assignee() != null) ? person(task.assignee())
					: task.candidateGroups().stream().map(this::group).collect(Collectors.joining(", "));
		}

	}

}
