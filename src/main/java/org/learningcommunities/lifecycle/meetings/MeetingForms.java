package org.learningcommunities.lifecycle.meetings;

import java.util.Map;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.ForumsService;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.community.YearPlans;
import org.learningcommunities.lifecycle.community.YearPlans.YearPlan;
import org.learningcommunities.lifecycle.community.YearProcess;
import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of a community meeting is read from and stored to: all in
 * {@code lc_meeting}.
 */
@Configuration(proxyBeanMethods = false)
class MeetingForms {

	/**
	 * The syllabus opens with the topics the year's first meeting chose (year one's
	 * {@code record-first-meeting}, the central topics of years two and three), and
	 * schedules a meeting per row, in the year the community is in.
	 */
	@Bean
	TaskFormHandler layOutSyllabusForm(MeetingService meetings, ForumsService forums, CommunityRepository communities,
			YearPlans plans) {
		return FormHandlers.of(YearProcess.LAY_OUT_SYLLABUS, (task) -> {
			Community community = communities.findByCode(task.communityCode()).orElseThrow();
			Object topics = (community.stage() == Stage.YEAR_ONE) ? forums.firstMeetingForm(task).get("chosenTopics")
					: plans.find(community.id(), community.stage()).map(YearPlan::centralTopics).orElse(null);
			return (topics != null) ? Map.of("chosenTopics", topics) : Map.of();
		}, meetings::layOutSyllabus);
	}

	@Bean
	TaskFormHandler planMeetingForm(MeetingService meetings) {
		return FormHandlers.of(CommunityMeetingProcess.PLAN_MEETING, meetings::planningForm, meetings::plan);
	}

	@Bean
	TaskFormHandler arrangeLogisticsForm(MeetingService meetings) {
		return FormHandlers.of(CommunityMeetingProcess.ARRANGE_LOGISTICS, meetings::logisticsForm,
				meetings::arrangeLogistics);
	}

	@Bean
	TaskFormHandler recordAttendanceForm(MeetingService meetings) {
		return FormHandlers.of(CommunityMeetingProcess.RECORD_ATTENDANCE, meetings::attendanceForm,
				meetings::recordAttendance);
	}

	@Bean
	TaskFormHandler writeKnowledgeProductForm(MeetingService meetings) {
		return FormHandlers.of(CommunityMeetingProcess.WRITE_KNOWLEDGE_PRODUCT, meetings::knowledgeProductForm,
				meetings::writeKnowledgeProduct);
	}

}
