package org.learningcommunities.lifecycle.meetings;

import java.time.LocalDate;
import java.util.List;

import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.community.ProductSuggestions;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.stereotype.Component;

/**
 * The knowledge products of the meetings held during a stage, offered to the year
 * summary: titled by the meeting's topic and day, typed as the leader typed them.
 */
@Component
class MeetingProducts implements ProductSuggestions {

	private static final int TITLE_LENGTH = 200;

	private static final int DESCRIPTION_LENGTH = 4000;

	private final MeetingRepository meetings;

	private final CommunityRepository communities;

	MeetingProducts(MeetingRepository meetings, CommunityRepository communities) {
		this.meetings = meetings;
		this.communities = communities;
	}

	@Override
	public List<Product> suggestedFor(String communityCode, Stage stage, LocalDate since) {
		return this.communities.findByCode(communityCode)
			.map((community) -> this.meetings.findByCommunity(community.id())
				.stream()
				.filter((meeting) -> meeting.status() == MeetingStatus.HELD && meeting.knowledgeProduct() != null
						&& !meeting.meetingDate().isBefore(since))
				.map((meeting) -> new Product(stage, Product.Source.MEETING,
						cut(meeting.topic() + " (" + meeting.meetingDate() + ")", TITLE_LENGTH), meeting.productType(),
						cut(meeting.knowledgeProduct(), DESCRIPTION_LENGTH)))
				.toList())
			.orElse(List.of());
	}

	private static String cut(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
