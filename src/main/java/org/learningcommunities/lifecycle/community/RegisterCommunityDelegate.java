package org.learningcommunities.lifecycle.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.system.FormSchema;
import org.learningcommunities.lifecycle.system.FormSchemas;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Register community: checks the start form, stores the community and leaves only ids on
 * the process. Runs in the start's own transaction, so a refused start form starts
 * nothing.
 */
@Component
class RegisterCommunityDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RegisterCommunityDelegate.class);

	/** Start form fields that are data, not ids: they live in lc_community only. */
	private static final List<String> DATA_FIELDS = List.of("name", "code", "professionalField", "professionalPartner",
			"plannedStart", "targetSize");

	private static final String TARGET_SIZE = "targetSize";

	/**
	 * Set by the start event of the lifecycle's versions before 0.2: the user who started
	 * it.
	 */
	private static final String OLD_INITIATOR = "initiator";

	private final FormSchemas forms;

	private final CommunityService communities;

	private final CommunityAccess access;

	private final CommunitySize size;

	RegisterCommunityDelegate(FormSchemas forms, CommunityService communities, CommunityAccess access,
			CommunitySize size) {
		this.size = size;
		this.forms = forms;
		this.communities = communities;
		this.access = access;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			register(execution);
		}
		catch (InvalidFormException ex) {
			// the user's mistake, answered 400: one line, no stack
			// (system.RefusalLogging)
			log.warn("Refused start form of the lifecycle: fields {}",
					ex.errors().stream().map(FormSchema.FieldError::field).toList());
			throw ex;
		}
	}

	private void register(DelegateExecution execution) {
		FormSchema schema = this.forms.find(CommunityLifecycleProcess.START_FORM)
			.orElseThrow(() -> new IllegalStateException("start form missing"));
		Map<String, Object> submitted = new HashMap<>();
		schema.keys().forEach((key) -> submitted.put(key, execution.getVariable(key)));
		List<FormSchema.FieldError> errors = new ArrayList<>();
		// the start's variables are what was submitted: a field the start form does not
		// have would stay on the lifecycle (docs/adr/0017), an "initiator" included (who
		// started it is the history's start user, docs/adr/0021). The release before that
		// decision set "initiator" on its start event to the signed-in user: a start on
		// that
		// version, the engine's own value, is no caller's choice.
		var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String signedIn = (authentication != null) ? authentication.getUserId() : null;
		execution.getVariableNames()
			.stream()
			.filter((name) -> !schema.keys().contains(name))
			.filter((name) -> !(OLD_INITIATOR.equals(name) && signedIn != null
					&& signedIn.equals(execution.getVariable(name))))
			.sorted()
			.forEach((name) -> errors.add(new FormSchema.FieldError(name, "is not a field of this form")));
		errors.addAll(schema.validate(submitted));
		// the range is the venture's setting, not the form's: a number within the form's
		// own bounds may still be outside it
		if (errors.stream().noneMatch((error) -> TARGET_SIZE.equals(error.field()))) {
			this.size.refusal(submitted.get(TARGET_SIZE)).ifPresent(errors::add);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		FormValues form = new FormValues(submitted);
		String code = form.text("code");
		String businessKey = execution.getProcessBusinessKey();
		if (businessKey == null || businessKey.isBlank()) {
			// Tasklist's start dialog may leave the business key empty: the code is the
			// community's key.
			execution.setProcessBusinessKey(code);
		}
		else if (!businessKey.equals(code)) {
			throw InvalidFormException.of("code", "must equal the business key '" + businessKey + "'");
		}
		Community community = this.communities.register(form);
		// its people read the lifecycle's instance (docs/adr/0017): the business key may
		// be
		// new
		this.access.grantCommunityInstance(community.code(), execution);
		DATA_FIELDS.forEach(execution::removeVariable);
		execution.setVariable(CommunityLifecycleProcess.COMMUNITY_CODE, community.code());
		execution.setVariable(CommunityLifecycleProcess.PARTNER_REPS, community.partnerRepIds());
	}

}
