package org.learningcommunities.lifecycle.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.learningcommunities.lifecycle.reminders.MailService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application did, read from its database and from the test's mail server, and
 * the checks that nothing was lost or done twice: each job executed at most once (the
 * engine's history job log), each user task completed once per what it is about, each
 * community's stages entered once, and each mail of the sent log received exactly once
 * (by the header {@code X-Lifecycle-Mail-Key}, docs/adr/0011).
 */
final class RunLedger {

	private final JdbcClient jdbc;

	RunLedger(String url, String user, String password) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		try {
			dataSource.setDriverClass(java.sql.DriverManager.getDriver(url).getClass());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		dataSource.setUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		this.jdbc = JdbcClient.create(dataSource);
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	// jobs
	// ---------------------------------------------------------------------------------------------------------

	/**
	 * Checks the history job log: no job succeeded twice, none both succeeded and was
	 * deleted, every job that neither succeeded nor was deleted is still waiting (a
	 * future timer), and no job ran out of retries. The engine's history cleanup is left
	 * out: it is one job that reschedules itself and runs again and again inside its
	 * batch window (01:00-05:00 in application.yml), by design.
	 * @return how many jobs were executed (succeeded once)
	 */
	long assertEveryJobExecutedAtMostOnce() {
		List<Map<String, Object>> twice = this.jdbc.sql("""
				select job_id_ as job, job_def_type_ as type, act_id_ as activity,
				       sum(case when job_state_ = 2 then 1 else 0 end) as succeeded,
				       sum(case when job_state_ = 3 then 1 else 0 end) as deleted
				from act_hi_job_log where job_def_type_ <> 'history-cleanup'
				group by job_id_, job_def_type_, act_id_
				having sum(case when job_state_ = 2 then 1 else 0 end)
				     + sum(case when job_state_ = 3 then 1 else 0 end) > 1""").query().listOfRows();
		assertThat(twice).as("jobs executed twice, or executed and deleted").isEmpty();
		List<String> lost = this.jdbc.sql("""
				select distinct l.job_id_ from act_hi_job_log l
				where not exists (select 1 from act_hi_job_log d where d.job_id_ = l.job_id_ and d.job_state_ in (2, 3))
				  and not exists (select 1 from act_ru_job j where j.id_ = l.job_id_)""").query(String.class).list();
		assertThat(lost).as("jobs neither executed, deleted nor still waiting").isEmpty();
		assertThat(this.jdbc.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single())
			.as("jobs out of retries")
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents")
			.isZero();
		return this.jdbc.sql("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2")
			.query(Long.class)
			.single();
	}

	/** Successful job executions by the node that ran them (the engine's host name). */
	Map<String, Long> jobsByNode() {
		Map<String, Long> byNode = new TreeMap<>();
		this.jdbc.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_")
			.query((row, i) -> byNode.put(row.getString(1), row.getLong(2)))
			.list();
		return byNode;
	}

	// steps
	// --------------------------------------------------------------------------------------------------------

	/**
	 * Checks the community's completed user tasks by key against what its journey
	 * completes, and that it entered each stage once.
	 * @return how many tasks it completed
	 */
	int assertStepsOnce(String code, Map<String, Integer> expectedTasks, List<String> expectedStages) {
		Map<String, Integer> completed = new TreeMap<>();
		this.jdbc.sql("""
				select t.task_def_key_, count(*) from act_hi_taskinst t
				join act_hi_procinst p on p.id_ = t.proc_inst_id_
				where p.business_key_ = ? and t.end_time_ is not null and t.delete_reason_ = 'completed'
				group by t.task_def_key_""")
			.param(code)
			.query((row, i) -> completed.put(row.getString(1), row.getInt(2)))
			.list();
		assertThat(completed).as("completed tasks of %s by key", code).isEqualTo(new TreeMap<>(expectedTasks));

		List<String> stages = this.jdbc.sql("""
				select h.stage from lc_stage_history h join lc_community c on c.id = h.community_id
				where c.code = ? order by h.id""").param(code).query(String.class).list();
		assertThat(stages).as("stages entered by %s, in order", code).isEqualTo(expectedStages);

		// one meeting process, one planning sheet and one meeting-day per scheduled
		// meeting
		long meetings = this.jdbc
			.sql("select count(*) from lc_meeting m join lc_community c on c.id = m.community_id where c.code = ?")
			.param(code)
			.query(Long.class)
			.single();
		List<Long> plansPerMeeting = this.jdbc.sql("""
				select count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
				where p.business_key_ = ? and t.task_def_key_ = 'plan-meeting' group by t.proc_inst_id_""")
			.param(code)
			.query(Long.class)
			.list();
		assertThat(plansPerMeeting).as("planning sheets per meeting of %s", code)
			.hasSize((int) meetings)
			.containsOnly(1L);
		return completed.values().stream().mapToInt(Integer::intValue).sum();
	}

	// mail
	// ---------------------------------------------------------------------------------------------------------

	/**
	 * Checks that the mail servers received every mail of the sent log exactly once and
	 * nothing else.
	 * @param mails every mail the test's mail servers received
	 * @return the mails by kind (the mail key's first part) and how many
	 */
	Map<String, Integer> assertEveryMailExactlyOnce(List<MimeMessage> mails) {
		Map<String, Integer> received = new TreeMap<>();
		for (MimeMessage message : mails) {
			received.merge(mailKey(message), 1, Integer::sum);
		}
		Map<String, Integer> twice = new TreeMap<>(received);
		twice.values().removeIf((count) -> count == 1);
		assertThat(twice).as("mails received more than once, by mail key").isEmpty();
		List<String> logged = this.jdbc.sql("select mail_key from lc_mail_log").query(String.class).list();
		assertThat(logged).as("the sent log has each key once").doesNotHaveDuplicates();
		assertThat(received.keySet()).as("mails received = mails in the sent log")
			.containsExactlyInAnyOrderElementsOf(logged);
		Map<String, Integer> byKind = new LinkedHashMap<>();
		received.keySet().forEach((key) -> byKind.merge(kind(key), 1, Integer::sum));
		return byKind;
	}

	/** {@code meeting:12:notice:x@y} to {@code meeting-notice}, else the first part. */
	static String kind(String mailKey) {
		String[] parts = mailKey.split(":");
		return parts[0].equals("meeting") ? "meeting-" + parts[2] : parts[0];
	}

	private static String mailKey(MimeMessage message) {
		try {
			String key = message.getHeader(MailService.MAIL_KEY_HEADER, null);
			assertThat(key).as("header %s of the mail '%s'", MailService.MAIL_KEY_HEADER, message.getSubject())
				.isNotBlank();
			return key;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
