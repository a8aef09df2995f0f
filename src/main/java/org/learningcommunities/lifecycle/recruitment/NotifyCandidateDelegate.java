package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the candidate they are admitted" and "Tell the candidate they were not admitted":
 * mails the candidate the outcome. Both tasks are asynchronous, so a mail server that is
 * down fails this job, which the engine retries, and never the leader's form; a retried
 * job sends no second mail.
 */
@Component
class NotifyCandidateDelegate implements JavaDelegate {

	private final RecruitmentService recruitment;

	NotifyCandidateDelegate(RecruitmentService recruitment) {
		this.recruitment = recruitment;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long candidateId = ((Number) execution.getVariable(CandidateAdmissionProcess.CANDIDATE_ID)).longValue();
		boolean admitted = CandidateAdmissionProcess.NOTIFY_ADMISSION.equals(execution.getCurrentActivityId());
		this.recruitment.tellCandidate(execution.getProcessBusinessKey(), candidateId, admitted);
	}

}
