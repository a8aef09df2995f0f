package org.learningcommunities.lifecycle.impact;

import org.learningcommunities.lifecycle.community.YearThreeProcess;
import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of year three's impact tracks and of the farewell is read from and
 * stored to.
 */
@Configuration(proxyBeanMethods = false)
class ImpactForms {

	@Bean
	TaskFormHandler chooseImpactTracksForm(ImpactTrackService tracks) {
		return FormHandlers.of(YearThreeProcess.CHOOSE_IMPACT_TRACKS, tracks::chooseTracksForm, tracks::chooseTracks);
	}

	@Bean
	TaskFormHandler planImpactTrackForm(ImpactTrackService tracks) {
		return FormHandlers.of(ImpactTrackProcess.PLAN_IMPACT_TRACK, tracks::planForm, tracks::plan);
	}

	@Bean
	TaskFormHandler reviewTrackProgressForm(ImpactTrackService tracks) {
		return FormHandlers.of(ImpactTrackProcess.REVIEW_TRACK_PROGRESS, tracks::reviewForm, tracks::review);
	}

	@Bean
	TaskFormHandler recordTrackOutcomeForm(ImpactTrackService tracks) {
		return FormHandlers.of(ImpactTrackProcess.RECORD_TRACK_OUTCOME, tracks::outcomeForm, tracks::recordOutcome);
	}

	@Bean
	TaskFormHandler holdFarewellForm(FarewellService farewell) {
		return FormHandlers.of(YearThreeProcess.HOLD_FAREWELL, farewell::farewellForm, farewell::holdFarewell);
	}

}
