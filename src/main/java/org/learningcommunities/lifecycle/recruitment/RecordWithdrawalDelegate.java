package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the withdrawal": the candidate withdrew, wherever their admission stood.
 */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

	private final RecruitmentService recruitment;

	RecordWithdrawalDelegate(RecruitmentService recruitment) {
		this.recruitment = recruitment;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long candidateId = ((Number) execution.getVariable(CandidateAdmissionProcess.CANDIDATE_ID)).longValue();
		this.recruitment.recordWithdrawal(execution.getProcessBusinessKey(), candidateId);
	}

}
