package org.learningcommunities.lifecycle.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members of a community: its admitted candidates ({@code lc_candidate} with status
 * {@code ADMITTED}). A member who leaves at a year's renewal is {@code LEFT} and no
 * longer counts; a candidate admitted in a later year counts from then on.
 */
@Component
public class Members {

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current members by candidate id, labelled with name and authority. */
	public Map<Long, String> current(long communityId) {
		Map<Long, String> members = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, full_name, authority from lc_candidate
				where community_id = ? and status = 'ADMITTED' order by full_name, id""")
			.param(communityId)
			.query((rs) -> {
				members.put(rs.getLong("id"), rs.getString("full_name") + " · " + rs.getString("authority"));
			});
		return members;
	}

	/**
	 * Members as the options of a checklist or select ({@code valuesKey}): label and the
	 * candidate id as text.
	 */
	public static List<Map<String, Object>> options(Map<Long, String> members) {
		List<Map<String, Object>> options = new ArrayList<>();
		members.forEach((id, label) -> options.add(Map.of("label", label, "value", id.toString())));
		return options;
	}

	/**
	 * Whether every id names one of the given members.
	 * @param ids candidate ids as a form sends them (text)
	 */
	public static boolean allAmong(List<String> ids, Map<Long, String> members) {
		return ids.stream().allMatch((id) -> id.matches("\\d{1,18}") && members.containsKey(Long.valueOf(id)));
	}

}
