package org.learningcommunities.lifecycle.recruitment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public application page on the running application, without a login: a community
 * with an open call (written to {@code lc_community} and {@code lc_call} by the test)
 * shows its form in Hebrew or English, with the page's style sheet.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApplicationPageIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	private final String code = "apply-page-" + System.nanoTime();

	@BeforeEach
	void communityWithAnOpenCall() {
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, 'חדשנות עירונית', 'Urban innovation', 'leader', 'Partner', 'foundation', 'ministry', ?, 35,
				    'YEAR_ONE', ?)""").params(this.code, LocalDate.now(), Timestamp.from(Instant.now())).update();
		long communityId = this.jdbc.sql("select id from lc_community where code = ?")
			.param(this.code)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				values (?, 1, 'Join us', 'Heads of innovation units', ?, 'OPEN', 'leader', ?)""")
			.params(communityId, LocalDate.now(CallForApplications.ZONE).plusDays(14), Timestamp.from(Instant.now()))
			.update();
	}

	@Test
	void candidateOpensThePageWithoutALogin() {
		ResponseEntity<String> page = this.rest.getForEntity("/apply/{code}", String.class, this.code);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<html lang=\"he\" dir=\"rtl\">", "חדשנות עירונית", "Join us",
				"id=\"application-form\"", "/api/communities/" + this.code + "/applications");
	}

	@Test
	void candidateReadsThePageInEnglish() {
		ResponseEntity<String> page = this.rest.getForEntity("/apply/{code}?lang=en", String.class, this.code);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<html lang=\"en\" dir=\"ltr\">", "Apply to the learning community");
	}

	@Test
	void styleSheetNeedsNoLogin() {
		ResponseEntity<String> css = this.rest.getForEntity("/css/lifecycle.css", String.class);

		assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void unknownCommunityIsNotFound() {
		ResponseEntity<String> page = this.rest.getForEntity("/apply/{code}", String.class, "no-such-community");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page.getBody()).contains("no-such-community");
	}

}
