package org.learningcommunities.lifecycle.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.community.LifecycleSteps;
import org.learningcommunities.lifecycle.community.LifecycleSteps.YearOne;

import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * One community from its start form to {@code COMPLETED}, through the REST API and the
 * forms only, in the steps of {@code community.ThreeYearsJourneyIT}
 * ({@link LifecycleSteps}), without what that test checks between them (refused inputs,
 * form values, the final read-back), which is not work a community does: establishment,
 * year one's call, six admissions and a meeting, a meeting carried over to year two, year
 * two's renewal, syllabus of a member-hosted meeting and a field tour, work team and
 * products conference, year three's meeting (at its own venue: the IT's meeting with a
 * second community would start another community), impact tracks and farewell, the final
 * gate sent back once. Timer jobs are executed through the engine REST API, as the IT
 * does.
 */
final class Journey {

	private final LifecycleRestClient client;

	private final String code;

	Journey(LifecycleRestClient client, String code) {
		this.client = client;
		this.code = code;
	}

	void run() {
		LifecycleSteps steps = new LifecycleSteps(this.client, this.code);
		new EstablishmentSteps(this.client).intoYearOne(this.code);
		YearOne yearOne = steps.yearOne();

		// year two: a member leaves, recruitment reopens and admits a new member
		List<String> members = steps.renewMembers(yearOne.members().get(0), "newcomer");
		steps.chooseForums(members.subList(1, 6));
		steps.formWorkTeams();
		steps.layOutYearTwoSyllabus();
		long memberHosted = steps.meetingId(LifecycleSteps.MEMBER_HOSTED);
		long fieldTour = steps.meetingId(LifecycleSteps.FIELD_TOUR);
		steps.planYearTwoMeetings(members, memberHosted, fieldTour, yearOne.carriedOver());
		steps.setUpWorkTeam(members);
		steps.teamMakesItsProduct();
		steps.holdMeetings("year-two",
				Map.of(memberHosted, "one-pager", fieldTour, "video", yearOne.carriedOver(), "summary"));
		steps.summarizeYear();
		steps.signStageGate();
		steps.approveWorkPlan();

		// year three: everyone continues; a meeting, two impact tracks, one abandoned;
		// the farewell
		steps.everyoneContinues();
		steps.chooseForums(members);
		steps.chooseImpactTracks();
		steps.layOutSyllabus(LocalDate.now().plusDays(4) + " | Regional economy | Lod");
		long yearThreeMeeting = steps.meetingId("Regional economy");
		steps.planMeeting(yearThreeMeeting, LifecycleSteps.meetingPlan());
		steps.arrangeLogistics("Lod city hall");
		steps.planImpactTracks(members);
		steps.reviewTracksOneCompletedOneAbandoned();
		steps.recordTrackOutcome();
		steps.holdMeetings("year-three", Map.of(yearThreeMeeting, "summary"));
		steps.holdFarewell();
		steps.summarizeYear();
		steps.sendStageGateBack("Add the evaluation's numbers");
		steps.summarizeYear();
		steps.signStageGate();

		String stage = this.client.community(MANAGER, this.code).path("stage").asText();
		check("COMPLETED".equals(stage), this.code + " ended in stage " + stage);
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException(what);
		}
	}

}
