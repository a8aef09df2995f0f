package org.learningcommunities.lifecycle.meetings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.community.ProductSuggestions;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge products of the year's held meetings, offered to the year summary: titled
 * by the meeting's topic and day, typed as the leader typed them. A meeting belongs to
 * its year ({@code lc_meeting.stage}); one of an earlier year whose product no summary
 * registered yet (held after its year's summary) is offered to this one.
 */
@Component
class MeetingProducts implements ProductSuggestions {

	private static final int TITLE_LENGTH = 200;

	private static final int DESCRIPTION_LENGTH = 4000;

	private final MeetingRepository meetings;

	private final CommunityRepository communities;

	private final JdbcClient jdbc;

	MeetingProducts(MeetingRepository meetings, CommunityRepository communities, JdbcClient jdbc) {
		this.meetings = meetings;
		this.communities = communities;
		this.jdbc = jdbc;
	}

	@Override
	public List<Product> suggestedFor(String communityCode, Stage stage) {
		return this.communities.findByCode(communityCode).map((community) -> {
			Set<Long> registeredElsewhere = new HashSet<>(this.jdbc.sql("""
					select source_id from lc_product
					where community_id = ? and source = 'MEETING' and stage <> ? and source_id is not null""")
				.params(community.id(), stage.name())
				.query(Long.class)
				.list());
			return this.meetings.findByCommunity(community.id())
				.stream()
				.filter((meeting) -> meeting.status() == MeetingStatus.HELD && meeting.knowledgeProduct() != null)
				.filter((meeting) -> meeting.stage() == stage
						|| (meeting.stage().compareTo(stage) < 0 && !registeredElsewhere.contains(meeting.id())))
				.map((meeting) -> new Product(stage, Product.Source.MEETING, meeting.id(),
						cut(meeting.topic() + " (" + meeting.meetingDate() + ")", TITLE_LENGTH), meeting.productType(),
						cut(meeting.knowledgeProduct(), DESCRIPTION_LENGTH)))
				.toList();
		}).orElse(List.of());
	}

	private static String cut(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
