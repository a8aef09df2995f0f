package org.learningcommunities.lifecycle.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Communities whose call for applications is open, written into the application's tables,
 * and candidates who apply through the public API: each application starts a real
 * {@code candidate-admission}, whose screening task goes to the community's leader.
 */
public final class WorkspaceFixture {

	private final JdbcClient jdbc;

	private final IdentityService identity;

	private final TestRestTemplate rest;

	public WorkspaceFixture(JdbcClient jdbc, IdentityService identity, TestRestTemplate rest) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.rest = rest;
	}

	/** A user whose password is their id, in one group. */
	public void user(String id, String firstName, String lastName, String groupId) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		this.identity.saveUser(user);
		this.identity.createMembership(id, groupId);
	}

	/** A community in year one led by {@code leader}, with its call open. */
	public void communityWithOpenCall(String code, String name, String leader) {
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, ?, 'Economic development', ?, 'Partner', 'foundation', 'ministry', ?, 35, 'YEAR_ONE', ?)""")
			.params(code, name, leader, LocalDate.now(), Timestamp.from(Instant.now()))
			.update();
		long id = this.jdbc.sql("select id from lc_community where code = ?").param(code).query(Long.class).single();
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				values (?, 1, 'Join us', 'Heads of units', ?, 'OPEN', ?, ?)""")
			.params(id, LocalDate.now().plusDays(30), leader, Timestamp.from(Instant.now()))
			.update();
	}

	/** A candidate applies to the community's call; answers the candidate's id. */
	public long apply(String code, String fullName) {
		Map<String, Object> application = Map.of("fullName", fullName, "email",
				fullName.replace(' ', '.').toLowerCase() + "@example.org", "authority", "לוד", "role",
				"מנהלת פיתוח כלכלי", "region", "center", "language", "he");
		JsonNode answer = this.rest.postForObject("/api/communities/" + code + "/applications", application,
				JsonNode.class);
		assertThat(answer.path("candidateId").isNumber()).as("application to %s: %s", code, answer).isTrue();
		return answer.path("candidateId").asLong();
	}

}
