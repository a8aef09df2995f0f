package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The message throw events "Admission decided" of {@code candidate-admission}: tell the
 * community's processes, from a job that starts after the decision was committed.
 */
@Component
class AnnounceAdmissionDecidedDelegate implements JavaDelegate {

	private final RecruitmentService recruitment;

	AnnounceAdmissionDecidedDelegate(RecruitmentService recruitment) {
		this.recruitment = recruitment;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recruitment.announceAdmissionDecided(execution.getProcessBusinessKey());
	}

}
